import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../core/src';
import { MentoringPair } from './entities/mentoring.entity';

@ObjectType() export class MentoringPairConnection extends Connection(MentoringPair) {}
