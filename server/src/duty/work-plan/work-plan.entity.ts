import { Entity, Unique } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { YearlyFiling } from './yearly-filing.js';

/** LO1: a liaison office's annual plan, filed at the start of the year. */
@ObjectType({ description: '工作计划' })
@Entity()
@Unique({ properties: ['organization', 'year'] })
export class WorkPlan extends YearlyFiling {}
