import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const PLACE_KINDS = ['country', 'province', 'special_city', 'city', 'county', 'district', 'town', 'facility', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Detention facility types of legal-reference.md §5.4–5.5. */
export const FACILITY_TYPES = ['kwanliso', 'kyohwaso', 'kyoyangso', 'jipkyulso', 'rodong_danryeondae', 'kuryujang', 'other_detention', 'other'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** How a name is written: Hangul, McCune–Reischauer, Revised Romanization, DPRK style, English, other. */
export const NAME_SYSTEMS = ['hangul', 'mr', 'rr', 'kps', 'en', 'other'] as const;
export type NameSystem = (typeof NAME_SYSTEMS)[number];

/**
 * A gazetteer entry. Built-in entries (the DPRK's provinces, the counties and cities that hold
 * known detention facilities, and the facilities) are seeded by migration and read-only; an
 * organisation adds its own (`builtin` false). Hierarchy by parent: province → county → facility.
 * Place names are public geography, not witness data.
 */
@Entity('places')
@Index('places_code_unique', ['code'], { unique: true })
@Index('places_kind_idx', ['kind', 'facilityType'])
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('places_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => PlaceEntity) @JoinColumn({ name: 'parent_id' }) parent?: PlaceEntity | null;
  @Column({ type: 'text' }) kind: PlaceKind;
  @Column({ name: 'facility_type', type: 'text', nullable: true }) facilityType: FacilityType | null;
  /** Stable short code: ISO 3166-2 for provinces (KP-09), ours for the rest (kwanliso-15). */
  @Column({ type: 'text', nullable: true }) code: string | null;
  /** Display name (English / common form). Every spelling, this one included, is in place_names. */
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ type: 'boolean', default: false }) builtin: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}

/** One spelling of a place's name, with its search key (src/places/place-names.ts). */
@Entity('place_names')
@Index('place_names_place_name_unique', ['placeId', 'name'], { unique: true })
export class PlaceNameEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'place_id', type: 'uuid' }) placeId: string;
  @ManyToOne(() => PlaceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'place_id' }) place?: PlaceEntity;
  @Column({ type: 'text' }) system: NameSystem;
  @Column({ type: 'text' }) name: string;
  /** placeNameKey(name); searched by substring through a pg_trgm index made in the migration. */
  @Index('place_names_key_trgm_idx', { synchronize: false })
  @Column({ type: 'text' }) key: string;
}
