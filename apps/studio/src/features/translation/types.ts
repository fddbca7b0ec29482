import type { paths } from '../../api/generated/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The translation desk's resources as the API returns them. */
export type JobPage = Json<paths['/api/v1/translation-jobs']['get']['responses'][200]>;
export type JobSummary = JobPage['items'][number];
export type Job = Json<paths['/api/v1/translation-jobs/{id}']['get']['responses'][200]>;
export type Segment = Job['segments'][number];
export type JobStatus = JobSummary['status'];
export type GlossaryEntry = Json<paths['/api/v1/glossary']['get']['responses'][200]>['items'][number];
type GlossaryBody = NonNullable<paths['/api/v1/glossary']['post']['requestBody']>['content']['application/json'];
/** The body's own fields (the generated type also carries the schema's pairs of languages as bare variants). */
export type GlossaryInput = Extract<GlossaryBody, { source: string }>;
