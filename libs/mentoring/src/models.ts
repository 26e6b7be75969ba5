import { ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { MentoringPair } from './entities/mentoring.entity';

@ObjectType() export class MentoringPairConnection extends Connection(MentoringPair) {}
