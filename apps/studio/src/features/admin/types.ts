import type { paths } from '../../api/generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type User = Json<paths['/api/v1/users/{id}']['patch']['responses'][200]>;
export type NewUser = NonNullable<paths['/api/v1/users']['post']['requestBody']>['content']['application/json'];
export type UserPatch = NonNullable<paths['/api/v1/users/{id}']['patch']['requestBody']>['content']['application/json'];
export type DeadLetterPage = Json<paths['/api/v1/ops/dead-letters']['get']['responses'][200]>;
export type DeadLetter = DeadLetterPage['items'][number];
export type OpsStatus = Json<paths['/api/v1/ops/status']['get']['responses'][200]>;
export type AuditPage = Json<paths['/api/v1/ops/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/v1/ops/audit']['get']['parameters']['query']>;
