import { Foundation1795374660273 } from './1795374660273-Foundation';
import { CasesPeopleTestimonies1795375895113 } from './1795375895113-CasesPeopleTestimonies';
import { LegalEvidence1795376923442 } from './1795376923442-LegalEvidence';
import { SeedRomeStatute1795376923443 } from './1795376923443-SeedRomeStatute';
import { Redaction1795377600000 } from './1795377600000-Redaction';
import { IncidentsPerpetratorsPlaces1795377700000 } from './1795377700000-IncidentsPerpetratorsPlaces';
import { Exports1795378800000 } from './1795378800000-Exports';
import { Search1795378900000 } from './1795378900000-Search';
import { MasterKeyCheck1795379000000 } from './1795379000000-MasterKeyCheck';
import { MembershipHistoryIndex1795379000001 } from './1795379000001-MembershipHistoryIndex';
import { TwoFactorSignIn1795379100000 } from './1795379100000-TwoFactorSignIn';
import { UserLanguage1795379200000 } from './1795379200000-UserLanguage';
import { RedactionReturn1795379300000 } from './1795379300000-RedactionReturn';
import { MyWork1795379500000 } from './1795379500000-MyWork';
import { ViolationTypesKorean1795379500100 } from './1795379500100-ViolationTypesKorean';
import { PrivateRefTokens1795380100000 } from './1795380100000-PrivateRefTokens';
import { PassageReanchoring1795380200000 } from './1795380200000-PassageReanchoring';
import { DisclosureRegister1795380300000 } from './1795380300000-DisclosureRegister';
import { MatrixAggregates1795380500000 } from './1795380500000-MatrixAggregates';
import { RetireFrameworks1795380600000 } from './1795380600000-RetireFrameworks';
import { LiabilityEvidence1795380610000 } from './1795380610000-LiabilityEvidence';
import { EvidenceLocators1795380620000 } from './1795380620000-EvidenceLocators';
import { VictimsAndActs1795380630000 } from './1795380630000-VictimsAndActs';
import { ReaderAndReviews1795380800000 } from './1795380800000-ReaderAndReviews';
import { DenyingQuarterKorean1795381200000 } from './1795381200000-DenyingQuarterKorean';
import { AuditSequencer1795381600000 } from './1795381600000-AuditSequencer';
import { MatrixVersions1795381900000 } from './1795381900000-MatrixVersions';

/**
 * Every migration in order. Tests migrate their template database from this list; the compiled
 * app finds the same files by name in dist/migrations. A unit spec checks the two agree.
 */
export const ALL_MIGRATIONS = [Foundation1795374660273, CasesPeopleTestimonies1795375895113, LegalEvidence1795376923442, SeedRomeStatute1795376923443, Redaction1795377600000, IncidentsPerpetratorsPlaces1795377700000, Exports1795378800000, Search1795378900000, MasterKeyCheck1795379000000, MembershipHistoryIndex1795379000001, TwoFactorSignIn1795379100000, UserLanguage1795379200000, RedactionReturn1795379300000, MyWork1795379500000, ViolationTypesKorean1795379500100, PrivateRefTokens1795380100000, PassageReanchoring1795380200000, DisclosureRegister1795380300000, MatrixAggregates1795380500000, RetireFrameworks1795380600000, LiabilityEvidence1795380610000, EvidenceLocators1795380620000, VictimsAndActs1795380630000, ReaderAndReviews1795380800000, DenyingQuarterKorean1795381200000, AuditSequencer1795381600000, MatrixVersions1795381900000];
