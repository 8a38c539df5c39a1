// Stops early, with a plain message, when Node is older than Pactbook needs.
// Written in old-fashioned JavaScript so that it runs on any Node.
const required = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < required[0] || (major === required[0] && minor < required[1])) {
	console.error(
		`Pactbook needs Node.js ${required.join('.')} or newer; this is Node.js ${process.versions.node}.\n` +
			'Install a current Node.js (the version in .nvmrc is the one we test with), for example with nvm: nvm install && nvm use',
	);
	process.exit(1);
}
