// Problem codes a verification can report. Codes are stable (scripts and tests match on
// them); messages are for people.

export type VerifyProblemCode =
  // zip and structure
  | 'zip_unreadable'
  | 'duplicate_zip_entry'
  | 'unsafe_zip_entry'
  | 'zip_entry_unreadable'
  | 'entry_outside_bag'
  | 'bag_root_not_found'
  | 'bagit_txt_missing'
  | 'bagit_txt_invalid'
  | 'bagit_version_unsupported'
  | 'payload_dir_missing'
  | 'fetch_unsupported'
  | 'tag_file_too_large'
  | 'tag_file_encoding'
  // payload manifests
  | 'manifest_missing'
  | 'manifest_malformed'
  | 'manifest_path_invalid'
  | 'unsupported_algorithm'
  | 'file_missing'
  | 'file_not_in_manifest'
  | 'checksum_mismatch'
  // tag manifests
  | 'tagmanifest_missing'
  | 'tag_file_missing'
  | 'tag_checksum_mismatch'
  | 'unsigned_tag_file'
  // bag-info
  | 'bag_info_missing'
  | 'bag_info_invalid'
  | 'payload_oxum_missing'
  | 'payload_oxum_invalid'
  | 'payload_oxum_mismatch'
  // signature
  | 'signature_missing'
  | 'signature_malformed'
  | 'signature_invalid'
  | 'signature_info_missing'
  | 'signature_info_invalid'
  | 'public_key_missing'
  | 'public_key_invalid'
  | 'fingerprint_mismatch'
  | 'supplied_key_invalid'
  | 'signing_key_mismatch'
  | 'signature_key_not_pinned'
  | 'path_collision';

export interface VerifyProblem {
  code: VerifyProblemCode;
  /** Relative to the bag root ("data/…", "bag-info.txt"). */
  path?: string;
  message: string;
}

export class ProblemList {
  readonly errors: VerifyProblem[] = [];
  readonly warnings: VerifyProblem[] = [];

  error(code: VerifyProblemCode, message: string, path?: string): void {
    this.errors.push(path === undefined ? { code, message } : { code, path, message });
  }

  warn(code: VerifyProblemCode, message: string, path?: string): void {
    this.warnings.push(path === undefined ? { code, message } : { code, path, message });
  }
}
