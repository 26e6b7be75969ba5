import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '#app/core';

/** numeric columns come back from pg as text: read them as numbers (two decimals, well inside a double) */
export const numericColumn = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** 办学条件: a school's facility figures for a school year (the year it starts in), as its annual statistics give them. */
@ObjectType({ description: '办学条件: facility figures of a school for a school year' })
@Entity('school_facilities')
export class SchoolFacilities {
  @Field(() => ID) @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Field(() => Int, { description: 'The school year, by the year it starts in (2024 = 2024–2025)' }) @PrimaryColumn({ type: 'int' }) year: number;
  @Field(() => Float, { description: '教学及辅助用房面积 (m²)' })
  @Column({ name: 'building_area', type: 'numeric', precision: 12, scale: 2, transformer: numericColumn })
  buildingArea: number;
  @Field(() => Float, { description: '体育运动场馆面积 (m²)' })
  @Column({ name: 'sports_area', type: 'numeric', precision: 12, scale: 2, transformer: numericColumn })
  sportsArea: number;
  @Field(() => Float, { description: '教学仪器设备值 (yuan)' })
  @Column({ name: 'equipment_value', type: 'numeric', precision: 14, scale: 2, transformer: numericColumn })
  equipmentValue: number;
  @Field(() => Int, { description: '网络多媒体教室 (rooms)' }) @Column({ name: 'multimedia_rooms', type: 'int' }) multimediaRooms: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
