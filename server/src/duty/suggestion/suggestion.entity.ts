import { Entity, Enum, Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';

export enum SuggestionStatus {
  SUBMITTED = 'SUBMITTED',
  ADOPTED = 'ADOPTED',
  NOT_ADOPTED = 'NOT_ADOPTED',
}
registerEnumType(SuggestionStatus, {
  name: 'SuggestionStatus',
  description: '意见建议处理情况',
  valuesConfig: {
    SUBMITTED: { description: '已提交' },
    ADOPTED: { description: '已采纳' },
    NOT_ADOPTED: { description: '未采纳' },
  },
});

/** CT6: a member's suggestion about the conference's own work, or a deputy's suggestion (ST5). */
@ObjectType({ description: '意见建议' })
@Entity()
export class Suggestion extends SearchableEntity {
  @Field(() => String, { description: '标题' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: '内容' })
  @Property({ type: 'text', nullable: true })
  content?: string | null;

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '提出的委员 / 代表' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '提出人姓名' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属机构（政协/人大）' })
  get bodyId(): number {
    return this.body.id;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: '提出日期' })
  @Property({ type: 'date', nullable: true })
  @Index()
  submittedOn?: string | null;

  @Field(() => SuggestionStatus, { description: '处理情况' })
  @Enum({ items: () => SuggestionStatus })
  @Index()
  status: SuggestionStatus = SuggestionStatus.SUBMITTED;

  @Field(() => String, { nullable: true, description: '答复意见（CT6：告知是否采纳）' })
  @Property({ type: 'text', nullable: true })
  responseNote?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '答复日期' })
  @Property({ type: 'date', nullable: true })
  respondedOn?: string | null;

  @Link(() => Letter, { nullable: true })
  sourceLetter?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '来源来信（MB6）' })
  get sourceLetterId(): number | null {
    return this.sourceLetter?.id ?? null;
  }

  searchText() {
    return [this.title, this.content];
  }
}
