import { humanSize, formatBaggingDate, formatPayloadOxum, renderTagFile, TagFileError, type TagLine } from 'src/exports/bagit/tag-files';

/** What the caller says about the bag; the writer adds Bagging-Date, Bag-Size and Payload-Oxum. */
export interface BagMetadata {
  /** Optional in RFC 8493 like every reserved element; omitted when the deployment has not named itself. */
  sourceOrganization?: string;
  contactName?: string;
  contactEmail?: string;
  /** E.g. the export id or case reference the recipient will quote back. */
  externalIdentifier: string;
  internalSenderDescription?: string;
  /** Defaults to the time of writing. */
  baggingDate?: Date;
  /**
   * Further labels in order, e.g. ['Sillok-Recipient', 'OHCHR Seoul'], ['Sillok-Purpose', 'share_un_mechanisms'].
   * A label may repeat; it may not repeat a label the writer sets itself.
   */
  custom?: ReadonlyArray<TagLine>;
}

/** The bag-info.txt lines, in a stable order. Throws TagFileError on a label or value it cannot write faithfully. */
export function buildBagInfo(metadata: BagMetadata, baggingDate: Date, octets: number, files: number): string {
  if (Number.isNaN(baggingDate.getTime())) throw new TagFileError('Bagging-Date is not a valid date');
  const lines: TagLine[] = [];
  if (metadata.sourceOrganization !== undefined) lines.push(['Source-Organization', metadata.sourceOrganization]);
  if (metadata.contactName !== undefined) lines.push(['Contact-Name', metadata.contactName]);
  if (metadata.contactEmail !== undefined) lines.push(['Contact-Email', metadata.contactEmail]);
  lines.push(['External-Identifier', metadata.externalIdentifier]);
  if (metadata.internalSenderDescription !== undefined) {
    lines.push(['Internal-Sender-Description', metadata.internalSenderDescription]);
  }
  lines.push(
    ['Bagging-Date', formatBaggingDate(baggingDate)],
    // Payload size: the zip's final size is unknown while bag-info.txt is written.
    ['Bag-Size', humanSize(octets)],
    ['Payload-Oxum', formatPayloadOxum(octets, files)],
  );
  const own = new Set(lines.map(([label]) => label.toLowerCase()));
  for (const [label, value] of metadata.custom ?? []) {
    if (own.has(String(label).toLowerCase())) {
      throw new TagFileError(`custom label ${JSON.stringify(label)} would repeat a label the writer sets`);
    }
    lines.push([label, value]);
  }
  return renderTagFile(lines);
}
