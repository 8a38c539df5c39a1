// Stops early, with a plain message, when Node is older than Pactbook needs.
// `npm install` brings the Node.js Pactbook is tested with (the `node` package),
// and npm puts it first on the PATH of every npm script, so this only fires when
// that package is missing or a script is started without npm.
// Written in old-fashioned JavaScript so that it runs on any Node.
const required = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < required[0] || (major === required[0] && minor < required[1])) {
	console.error(
		`Pactbook needs Node.js ${required.join('.')} or newer; this is Node.js ${process.versions.node}.\n` +
			'Run `npm install` (it brings the Node.js Pactbook is tested with; do not pass --ignore-scripts), ' +
			'then start commands through npm, such as `npm run build`. Or install Node.js ' +
			required.join('.') +
			' or newer yourself.',
	);
	process.exit(1);
}
