import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, PUBLIC } from '../auth/decorators';
import { LABELS } from './labels';

@ObjectType({ description: 'Display label of an enum value' })
export class EnumLabel {
  @Field({ description: 'Enum type, e.g. GroupKind' }) enum: string;
  @Field({ description: 'Enum value, e.g. CONSORTIUM' }) value: string;
  @Field({ description: 'zh-CN label, e.g. 县域教联体' }) zh: string;
  @Field({ description: 'English label' }) en: string;
}

@Resolver()
export class LabelsResolver {
  @Allow(PUBLIC)
  @Query(() => [EnumLabel], { description: 'zh-CN and en labels of every enum value, and of every report figure (enum ReportFigure, value = its field name), for clients and exports' })
  labels(): EnumLabel[] {
    return Object.entries(LABELS).flatMap(([e, values]) => Object.entries(values).map(([value, [zh, en]]) => ({ enum: e, value, zh, en })));
  }
}
