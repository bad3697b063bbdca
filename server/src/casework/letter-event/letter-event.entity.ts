import { Entity, Enum, Property, ref, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Letter } from '../letter/letter.entity.js';
import { LetterStatus } from '../letter/letter.enums.js';
import { ACTION_LABELS, type LetterAction } from '../letter/letter.workflow.js';

/** 办理记录: one step of a letter's handling, appended in the step's own transaction; never changed. */
@ObjectType({ description: '办理记录' })
@Entity()
export class LetterEvent extends BaseEntity {
  @Link(() => Letter)
  letter!: Ref<Letter>;

  @Field(() => ID, { description: '来信' })
  get letterId(): number {
    return this.letter.id;
  }

  @Field(() => String, { description: '动作（办理步骤的 mutation 名），如 registerLetter' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { description: '步骤名称，如 受理' })
  get actionLabel(): string {
    return ACTION_LABELS[this.action as LetterAction] ?? this.action;
  }

  @Field(() => LetterStatus, { nullable: true, description: '原状态' })
  @Enum({ items: () => LetterStatus, nullable: true })
  fromStatus?: LetterStatus | null;

  @Field(() => LetterStatus, { description: '新状态' })
  @Enum({ items: () => LetterStatus })
  toStatus!: LetterStatus;

  @Field(() => String, { description: '经办人' })
  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => Date, { description: '发生时间' })
  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();

  static of(
    letter: Letter,
    e: { action: string; fromStatus: LetterStatus | null; toStatus: LetterStatus; actorName: string; note?: string | null },
  ): LetterEvent {
    const event = new LetterEvent();
    event.letter = ref(letter);
    Object.assign(event, e);
    return event;
  }
}
