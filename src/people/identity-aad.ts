/** Associated data of a person's sealed identity: binds the ciphertext to that person. */
export const identityAad = (personId: string) => `person:${personId}:identity`;
