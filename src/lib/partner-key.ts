/** What two spellings of one partner's name share, whatever their case or spacing (`Acme  advisors` and `acme Advisors`): the goal builder and the questionnaires keep one record per partner by it. */
export function partnerKey(partner: string): string {
	return partner.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
