import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '#app/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RegionLevel } from '../enums';

/** 行政区划: province > city > county; a county is the unit that plans coverage. */
@ObjectType({ description: '行政区划 administrative region' })
@Entity('region')
export class Region {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => RegionLevel) @Column({ type: 'varchar', length: 16 }) level: RegionLevel;
  @Field(() => ID, { nullable: true }) @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Field(() => String, { nullable: true, description: '行政区划代码, e.g. 421300' }) @Column({ type: 'varchar', length: 20, nullable: true }) code: string | null;
  /** Ids from the root down to this region (inclusive): subtree checks are `path && ARRAY[...]`. */
  @Column({ type: 'uuid', array: true }) path: string[];
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
