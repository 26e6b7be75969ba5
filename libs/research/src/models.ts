import { ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { ResearchSession } from './entities/research-session.entity';

@ObjectType() export class ResearchSessionConnection extends Connection(ResearchSession) {}
