import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { LessonPlan, LessonPlanAdoption, LessonPrepTeam } from './entities/lesson-prep.entity';
import { DiffOp } from './enums';

@ObjectType() export class LessonPrepTeamConnection extends Connection(LessonPrepTeam) {}
@ObjectType() export class LessonPlanConnection extends Connection(LessonPlan) {}
@ObjectType() export class LessonPlanAdoptionConnection extends Connection(LessonPlanAdoption) {}

@ObjectType({ description: 'A line of a content diff' })
export class DiffLineModel {
  @Field(() => DiffOp) op: DiffOp;
  @Field() text: string;
  @Field(() => Int, { nullable: true, description: 'Line number in the older version' }) fromLine: number | null;
  @Field(() => Int, { nullable: true, description: 'Line number in the newer version' }) toLine: number | null;
}

@ObjectType({ description: 'A field other than the content that changed' })
export class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType('LessonPlanDiff', { description: 'What changed between two versions of a plan' })
export class LessonPlanDiffModel {
  @Field(() => ID) planId: string;
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => [String], { description: 'title, unit, objectives, keyPoints, content, resources' }) changedFields: string[];
  @Field(() => [FieldChange]) fieldChanges: FieldChange[];
  @Field({ description: 'Line diff of the content as text: each line prefixed by "+" (added), "-" (removed) or " " (unchanged)' }) contentDiff: string;
  @Field(() => [DiffLineModel], { description: 'The same diff, line by line, with line numbers on both sides' }) contentLines: DiffLineModel[];
  @Field(() => Int) linesAdded: number;
  @Field(() => Int) linesRemoved: number;
}

@ObjectType({ description: 'An adaptation’s link to the team plan it copies' })
export class AdaptationSource {
  @Field(() => LessonPlan) plan: LessonPlan;
  @Field(() => Int, { description: 'The published version that was copied' }) version: number;
  @Field(() => Int) latestPublishedVersion: number;
  @Field({ description: 'The team has published a newer version since' }) hasNewerVersion: boolean;
  @Field(() => LessonPlanDiffModel, { nullable: true, description: 'From the copied version to the latest published one' }) diffSinceAdapted: LessonPlanDiffModel | null;
}
