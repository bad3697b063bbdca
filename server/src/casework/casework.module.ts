import type { Resource } from '../common/crud.js';
import { Department } from './department/department.entity.js';
import { DeadlinePolicy } from './deadline-policy/deadline-policy.entity.js';
import { CalendarDay } from './calendar-day/calendar-day.entity.js';
import { Mailbox } from './mailbox/mailbox.entity.js';
import { MailboxOpening } from './mailbox-opening/mailbox-opening.entity.js';
import { Letter } from './letter/letter.entity.js';
import { LetterSerialCounter } from './letter/letter-serial-counter.entity.js';
import { LetterEvent } from './letter-event/letter-event.entity.js';
import { SatisfactionSurvey } from './satisfaction-survey/satisfaction-survey.entity.js';
import { departmentResource } from './department/department.resolver.js';
import { deadlinePolicyResource } from './deadline-policy/deadline-policy.resolver.js';
import { calendarDayResource } from './calendar-day/calendar-day.resolver.js';
import { mailboxResource, MailboxVerbResolver } from './mailbox/mailbox.resolver.js';
import { mailboxOpeningResource } from './mailbox-opening/mailbox-opening.resolver.js';
import { letterResource, LetterVerbResolver } from './letter/letter.resolver.js';
import { letterEventResource } from './letter-event/letter-event.resolver.js';
import { satisfactionSurveyResource } from './satisfaction-survey/satisfaction-survey.resolver.js';
import { LetterWorkflowResolver } from './letter/letter.workflow.resolver.js';
import { LetterDeadlinesResolver } from './letter/letter.deadlines.resolver.js';
import { MailboxRegisterResolver } from './mailbox/mailbox.register.resolver.js';
import { LetterDisclosureResolver } from './letter/letter.disclosure.js';
import { SatisfactionResolver } from './satisfaction-survey/satisfaction.resolver.js';
import { ConcentratedIssueResolver } from './letter/letter.concentrated.resolver.js';
import { CalendarStatusResolver } from './calendar-day/calendar-day.status.resolver.js';

/** The casework wing: letters and their handling (003, LAW, 000), departments, deadlines and the calendar, mailboxes, satisfaction. */
export const caseworkWing = {
  entities: [Department, DeadlinePolicy, CalendarDay, Mailbox, MailboxOpening, Letter, LetterSerialCounter, LetterEvent, SatisfactionSurvey] as Function[],
  resources: [departmentResource, deadlinePolicyResource, calendarDayResource, mailboxResource, mailboxOpeningResource, letterResource, letterEventResource, satisfactionSurveyResource] as Resource[],
  /** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
  resolvers: [MailboxVerbResolver, LetterVerbResolver, LetterWorkflowResolver, LetterDeadlinesResolver, MailboxRegisterResolver, LetterDisclosureResolver, SatisfactionResolver, ConcentratedIssueResolver, CalendarStatusResolver] as Function[],
};
