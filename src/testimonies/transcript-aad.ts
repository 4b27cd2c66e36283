/** Associated data of a transcript version's sealed text (its own module: services on both sides of the evidence ↔ testimonies edge use it). */
export const transcriptAad = (versionId: string) => `transcript-version:${versionId}:text`;
