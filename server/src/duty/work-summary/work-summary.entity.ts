import { Entity, Unique } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { YearlyFiling } from '../work-plan/yearly-filing.js';

/** LO1: a liaison office's year-end summary. */
@ObjectType({ description: '工作总结' })
@Entity()
@Unique({ properties: ['organization', 'year'] })
export class WorkSummary extends YearlyFiling {}
