import type { Resource } from '../common/crud.js';
import { Body } from './body/body.entity.js';
import { Organization } from './organization/organization.entity.js';
import { Notification } from './notification/notification.entity.js';
import { Account } from './account/account.entity.js';
import { Session } from './session/session.entity.js';
import { AuditEvent } from './audit-event/audit-event.entity.js';
import { RateLimitBucket } from '../common/rate-limit.js';
import { Job } from './job/job.entity.js';
import { LoginThrottle } from './session/login-throttle.js';
import { PasswordHistory } from './account/password-history.entity.js';
import { IdempotencyKey } from './idempotency/idempotency.entity.js';
import { bodyResource } from './body/body.resolver.js';
import { organizationResource } from './organization/organization.resolver.js';
import { notificationResource, NotificationResolver } from './notification/notification.resolver.js';
import { accountResource, AccountResolver } from './account/account.resolver.js';
import { auditEventResource } from './audit-event/audit-event.resolver.js';
import { SessionResolver } from './session/session.resolver.js';

/** The platform wing: bodies and organizations, accounts, sessions, the audit log, notifications. */
export const platformWing = {
  entities: [Body, Organization, Notification, Account, Session, AuditEvent, RateLimitBucket, Job, LoginThrottle, PasswordHistory, IdempotencyKey] as Function[],
  resources: [bodyResource, organizationResource, notificationResource, accountResource, auditEventResource] as Resource[],
  /** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
  resolvers: [NotificationResolver, AccountResolver, SessionResolver] as Function[],
};
