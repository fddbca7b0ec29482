// Generated from the gateway OpenAPI by apps/studio/scripts/gen-api.mjs (npm run gen:api). Do not edit.

export type paths = {
    "/api/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and list stories (Thai-aware): with q, best match first (sort=relevance, the default) or newest change first (sort=updated, the default without q); cursor-paginated; `suggestion` when q found nothing; ranked hits carry `match`: the best-matching version and its text around the words (`marks` are [start, end) UTF-16 offsets into `text`) */
        get: operations["ArticlesController_search"];
        put?: never;
        /** Create a story with its source-language version (a draft) */
        post: operations["ArticlesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One story with every language version; the ETag is its revision */
        get: operations["ArticlesController_get"];
        put?: never;
        post?: never;
        /** Delete a story (every language version goes offline) */
        delete: operations["ArticlesController_delete"];
        options?: never;
        head?: never;
        /** Change the story's shared fields */
        patch: operations["ArticlesController_update"];
        trace?: never;
    };
    "/api/v1/articles/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every save of the story, newest first: who (id and name), when, what (the action) */
        get: operations["ArticlesController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/revisions/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One revision's whole content (shared fields and every version), to compare two */
        get: operations["ArticlesController_revision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/revisions/{revision}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring back a revision's content as a new revision */
        post: operations["ArticlesController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace one language version (its status stays) */
        put: operations["ArticlesController_putVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signed, expiring link to the version as its public page will look (drafts included), for whoever may open the story; PREVIEW_TTL_SECONDS long */
        post: operations["PreviewController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish now, or at `at` (scheduled; fires once, even across restarts) */
        post: operations["ArticlesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a version in review back to draft */
        post: operations["ArticlesController_giveBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for review */
        post: operations["ArticlesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/{id}/versions/{lang}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a published version down (or cancel a schedule) */
        post: operations["ArticlesController_unpublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import up to 100 archived stories, each version already published at its original publishedAt; their events say `imported`, so nothing is posted to social channels or machine-translated */
        post: operations["ArticlesController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/articles/slugs/{lang}/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which story a slug belongs to; an old slug answers with the current one (current: false) */
        get: operations["ArticlesController_resolveSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with e-mail and password: a bearer token for the API */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is logged in: the user behind the bearer token, with their role */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is logged in; renews the session cookie */
        get: operations["SessionsController_current"];
        put?: never;
        /** Log in a browser: sets the httpOnly session cookie and returns the CSRF token */
        post: operations["SessionsController_login"];
        /** Log out: the session is refused from now on, on every gateway; clears the cookie */
        delete: operations["SessionsController_logout"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live status as server-sent events: photos processed, translation jobs, social posts, story changes
         * @description Each event: `id` (send it back as Last-Event-ID to resume after it), `event` (the type, e.g. `media.processed.v1`), `data` (JSON: ids, statuses, who; fetch the resource for the rest). Filtered by role.
         */
        get: operations["EventsController_open"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/glossary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Glossary terms, optionally for one direction */
        get: operations["TranslationController_glossary"];
        put?: never;
        /** Add a term (one entry per term and direction; a term already there is refused, 409) */
        post: operations["TranslationController_putTerm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/glossary/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a glossary term */
        delete: operations["TranslationController_deleteTerm"];
        options?: never;
        head?: never;
        /** Change a term's fixed translation */
        patch: operations["TranslationController_editTerm"];
        trace?: never;
    };
    "/api/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Images, newest first (cursor: the last id of the previous page) */
        get: operations["MediaController_list"];
        put?: never;
        /**
         * Upload an image (multipart/form-data, field "file"), streamed to storage, verified and processed
         * @description 201 with the new image; 200 with the existing one when the same bytes were uploaded before. 413 over the size limit, 415 when the content is not a JPEG, PNG, WebP, AVIF or GIF (or not what the part declared), 422 when it is truncated, corrupt or has too many pixels.
         */
        post: operations["MediaController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One image with its renditions, captions and status */
        get: operations["MediaController_get"];
        put?: never;
        post?: never;
        /** Delete an image and its files; 409 while a published story shows it, unless ?force=true */
        delete: operations["MediaController_delete"];
        options?: never;
        head?: never;
        /** Captions and alt text per language (empty string removes one), credit, focal point (0..1; remakes the share image) */
        patch: operations["MediaController_update"];
        trace?: never;
    };
    "/api/v1/media/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a direct upload: the bytes are checked against what you declare (size, type, SHA-256), then processed */
        post: operations["MediaController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a direct upload: PUT the file to `url` with `headers`, then POST /api/v1/media/:id/complete */
        post: operations["MediaController_createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first: logins, access changes, stories, translations, posts, channels, replays */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events a consumer gave up on, oldest first */
        get: operations["DeadLettersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/dead-letters/{seq}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter back to its consumers (once the cause is fixed); audited */
        post: operations["DeadLettersController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ops/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness of every dependency and service, with live figures: events waiting per consumer, dead letters, posts per status, translation jobs per status (a figure whose service is down says why instead) */
        get: operations["OpsStatusController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published stories, newest first: filter by lang, tag, category, province, q (Thai-aware); cursor pages */
        get: operations["PublicApiController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/articles/{lang}/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published story with image renditions (srcset, blurhash, share image), its translations and share links; an old slug answers 301, a withdrawn story 410 */
        get: operations["PublicApiController_story"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the published stories of one language (Thai-aware, ranked: title and summary above body, exact phrase above words apart); each hit has a snippet with the matched words marked */
        get: operations["PublicSearchController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every social channel (never their credentials) */
        get: operations["SocialController_listChannels"];
        put?: never;
        /** Add a channel; credentials are encrypted at rest and never returned */
        post: operations["SocialController_createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One social channel */
        get: operations["SocialController_getChannel"];
        put?: never;
        post?: never;
        /** Remove a channel and its credentials */
        delete: operations["SocialController_deleteChannel"];
        options?: never;
        head?: never;
        /** Change a channel; new credentials clear the needs-re-authorisation flag */
        patch: operations["SocialController_updateChannel"];
        trace?: never;
    };
    "/api/v1/social/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test a channel's stored credentials with the platform's harmless call (Telegram getMe and getChat, Mastodon verify_credentials, Bluesky createSession, LINE bot info, Facebook Page lookup); nothing is posted */
        post: operations["SocialController_testChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The post ledger: one entry per story, language and channel */
        get: operations["SocialController_listPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/posts/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed post again (an unconfirmed one only with confirmNotPosted) */
        post: operations["SocialController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Each channel's final text for a story version and its length as the platform counts it */
        post: operations["SocialController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/social/reach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many channels publishing a version of this language posts to (enabled channels of the language) */
        get: operations["SocialController_reach"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/translation-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List translation jobs, newest change first (filters: status, language, storyId, changed) */
        get: operations["TranslationController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/translation-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One translation job with its segments (id: <storyId>-<lang>) */
        get: operations["TranslationController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/translation-jobs/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: the translation is written into the story (a draft, or published by policy) */
        post: operations["TranslationController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/translation-jobs/{id}/segments/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Write a segment's translation (send the sourceHash you saw to be told if it changed) */
        patch: operations["TranslationController_edit"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user account */
        get: operations["UsersController_list"];
        put?: never;
        /** Add a user with a role and an initial password */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, role or password, or disable the account */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: NATS, MongoDB, MinIO and each service probed */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: operations["HealthController_metricsText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Error: {
            details?: unknown;
            /** @example Bad Request */
            error: string;
            /** @example version.title: title must not be empty */
            message: string;
            /** @example 400 */
            statusCode: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    ArticlesController_search: {
        parameters: {
            query?: {
                category?: string;
                cursor?: string;
                from?: string;
                lang?: "th" | "en";
                limit?: number;
                province?: string;
                q?: string;
                sort?: "relevance" | "updated";
                status?: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                tag?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            byline: string;
                            categories: string[];
                            coverMediaId: string | null;
                            createdAt: string;
                            createdBy: string;
                            dateline: {
                                place?: string;
                                province?: string;
                            };
                            eventDate: {
                                end?: string;
                                start: string;
                            } | null;
                            galleryMediaIds: string[];
                            id: string;
                            match?: {
                                /** @enum {string} */
                                language: "th" | "en";
                                snippet: {
                                    marks: (number)[][];
                                    text: string;
                                };
                            };
                            revision: number;
                            /** @enum {string} */
                            sourceLanguage: "th" | "en";
                            tags: string[];
                            updatedAt: string;
                            versions: {
                                /** @enum {string} */
                                language: "th" | "en";
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                                summary: string;
                                title: string;
                            }[];
                        }[];
                        nextCursor: string | null;
                        suggestion?: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    byline?: string;
                    /** @default [] */
                    categories?: string[];
                    /** @default null */
                    coverMediaId?: string | null;
                    /** @default {} */
                    dateline?: {
                        place?: string;
                        province?: string;
                    };
                    /** @default null */
                    eventDate?: {
                        end?: string;
                        start: string;
                    } | null;
                    /** @default [] */
                    galleryMediaIds?: string[];
                    /** @enum {string} */
                    sourceLanguage: "th" | "en";
                    /** @default [] */
                    tags?: string[];
                    version: {
                        /** @default  */
                        body?: string;
                        /** @default {} */
                        seo?: {
                            description?: string;
                            keywords?: string[];
                            title?: string;
                        };
                        /** @default  */
                        summary?: string;
                        title: string;
                    };
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the story revision, to send back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    byline?: string;
                    categories?: string[];
                    coverMediaId?: string | null;
                    dateline?: {
                        place?: string;
                        province?: string;
                    };
                    eventDate?: {
                        end?: string;
                        start: string;
                    } | null;
                    galleryMediaIds?: string[];
                    tags?: string[];
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_revisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        at: string;
                        by: string;
                        byName: string | null;
                        revision: number;
                    }[];
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_revision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                revision: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        at: string;
                        by: string;
                        fields: {
                            byline: string;
                            categories: string[];
                            coverMediaId: string | null;
                            dateline: {
                                place?: string;
                                province?: string;
                            };
                            eventDate: {
                                end?: string;
                                start: string;
                            } | null;
                            galleryMediaIds: string[];
                            tags: string[];
                        };
                        revision: number;
                        versions: {
                            body: string;
                            /** @enum {string} */
                            language: "th" | "en";
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_restore: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                revision: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_putVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    body?: string;
                    /** @default {} */
                    seo?: {
                        description?: string;
                        keywords?: string[];
                        title?: string;
                    };
                    /** @default  */
                    summary?: string;
                    title: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PreviewController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        path: string;
                        url: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_giveBack: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_unpublish: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag from the last GET; a stale one gets 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                lang: "th" | "en";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byline: string;
                        categories: string[];
                        coverMediaId: string | null;
                        createdAt: string;
                        createdBy: string;
                        dateline: {
                            place?: string;
                            province?: string;
                        };
                        eventDate: {
                            end?: string;
                            start: string;
                        } | null;
                        galleryMediaIds: string[];
                        id: string;
                        revision: number;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        tags: string[];
                        updatedAt: string;
                        versions: {
                            body: string;
                            dateText: string | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string | null;
                            revision: number;
                            scheduledAt: string | null;
                            seo: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "in_review" | "scheduled" | "published" | "unpublished";
                            summary: string;
                            title: string;
                            /** @enum {string|null} */
                            translationOf: "th" | "en" | null;
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names a revision that is not the current one: GET it again and reapply your change */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    stories: {
                        /** @default  */
                        byline?: string;
                        /** @default [] */
                        categories?: string[];
                        /** @default null */
                        coverMediaId?: string | null;
                        /** @default {} */
                        dateline?: {
                            place?: string;
                            province?: string;
                        };
                        /** @default null */
                        eventDate?: {
                            end?: string;
                            start: string;
                        } | null;
                        /** @default [] */
                        galleryMediaIds?: string[];
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        /** @default [] */
                        tags?: string[];
                        versions: {
                            /** @default  */
                            body?: string;
                            /** @enum {string} */
                            language: "th" | "en";
                            /** Format: date-time */
                            publishedAt: string;
                            /** @default {} */
                            seo?: {
                                description?: string;
                                keywords?: string[];
                                title?: string;
                            };
                            /** @default  */
                            summary?: string;
                            title: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            revision: number;
                            versions: {
                                /** @enum {string} */
                                language: "th" | "en";
                                publishedAt: string;
                                slug: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ArticlesController_resolveSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lang: "th" | "en";
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current: boolean;
                        slug: string;
                        storyId: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example admin@khao.example */
                    email: string;
                    /** @example a long passphrase */
                    password: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description seconds */
                        expiresIn: number;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too many failed logins; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        disabled: boolean;
                        email: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "author" | "translator";
                    };
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description khao_session=<token>; HttpOnly; SameSite=Strict; Path=/api; Max-Age=<SESSION_TTL_SECONDS> (Secure behind https) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description send it back as x-csrf-token on every POST, PUT, PATCH and DELETE */
                        csrfToken: string;
                        user: {
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "editor" | "author" | "translator";
                        };
                    };
                };
            };
            /** @description no session cookie, or it expired or was logged out */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example admin@khao.example */
                    email: string;
                    /** @example a long passphrase */
                    password: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description khao_session=<token>; HttpOnly; SameSite=Strict; Path=/api; Max-Age=<SESSION_TTL_SECONDS> (Secure behind https) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description send it back as x-csrf-token on every POST, PUT, PATCH and DELETE */
                        csrfToken: string;
                        user: {
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "editor" | "author" | "translator";
                        };
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description e-mail or password is wrong, or the account is disabled */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too many failed logins; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionsController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description logged out (also when there was no live session) */
            204: {
                headers: {
                    /** @description khao_session=<token>; HttpOnly; SameSite=Strict; Path=/api; Max-Age=<SESSION_TTL_SECONDS> (Secure behind https) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description X-CSRF-Token missing or not the session’s */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    EventsController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description resume after this event */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_glossary: {
        parameters: {
            query?: {
                sourceLanguage?: "th" | "en";
                targetLanguage?: "th" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            source: string;
                            /** @enum {string} */
                            sourceLanguage: "th" | "en";
                            target: string;
                            /** @enum {string} */
                            targetLanguage: "th" | "en";
                            updatedAt: string;
                            updatedBy: string;
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_putTerm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source: string;
                    /** @enum {string} */
                    sourceLanguage: "th" | "en";
                    target: string;
                    /** @enum {string} */
                    targetLanguage: "th" | "en";
                } | {
                    /** @enum {unknown} */
                    sourceLanguage?: "th";
                    /** @enum {unknown} */
                    targetLanguage?: "en";
                } | {
                    /** @enum {unknown} */
                    sourceLanguage?: "en";
                    /** @enum {unknown} */
                    targetLanguage?: "th";
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        source: string;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        target: string;
                        /** @enum {string} */
                        targetLanguage: "th" | "en";
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_deleteTerm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_editTerm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    target: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        source: string;
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        target: string;
                        /** @enum {string} */
                        targetLanguage: "th" | "en";
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                q?: string;
                status?: "pending" | "processing" | "ready" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            alt: {
                                en?: string;
                                th?: string;
                            };
                            blurhash: string | null;
                            bytes: number | null;
                            captions: {
                                en?: string;
                                th?: string;
                            };
                            createdAt: string;
                            createdBy: string;
                            credit: string;
                            failure: string | null;
                            filename: string | null;
                            focalPoint: {
                                x: number;
                                y: number;
                            };
                            /** @enum {string|null} */
                            format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                            height: number | null;
                            id: string;
                            renditions: {
                                bytes: number;
                                /** @enum {string} */
                                format: "jpeg" | "webp" | "avif";
                                height: number;
                                url: string;
                                width: number;
                            }[];
                            sha256: string | null;
                            shareImage: {
                                height: number;
                                url: string;
                                width: number;
                            } | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "ready" | "failed";
                            updatedAt: string;
                            width: number | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description the same bytes were uploaded before: the existing image (`deduplicated: true`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        deduplicated: boolean;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        deduplicated: boolean;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description well-formed, but its content cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_delete: {
        parameters: {
            query?: {
                force?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    alt?: {
                        en?: string;
                        th?: string;
                    };
                    captions?: {
                        en?: string;
                        th?: string;
                    };
                    credit?: string;
                    focalPoint?: {
                        x: number;
                        y: number;
                    };
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    contentType?: string;
                    sha256?: string;
                    size?: number;
                };
            };
        };
        responses: {
            /** @description the same bytes were uploaded before: the existing image (`deduplicated: true`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        deduplicated: boolean;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        alt: {
                            en?: string;
                            th?: string;
                        };
                        blurhash: string | null;
                        bytes: number | null;
                        captions: {
                            en?: string;
                            th?: string;
                        };
                        createdAt: string;
                        createdBy: string;
                        credit: string;
                        deduplicated: boolean;
                        failure: string | null;
                        filename: string | null;
                        focalPoint: {
                            x: number;
                            y: number;
                        };
                        /** @enum {string|null} */
                        format: "jpeg" | "png" | "webp" | "avif" | "gif" | null;
                        height: number | null;
                        id: string;
                        renditions: {
                            bytes: number;
                            /** @enum {string} */
                            format: "jpeg" | "webp" | "avif";
                            height: number;
                            url: string;
                            width: number;
                        }[];
                        sha256: string | null;
                        shareImage: {
                            height: number;
                            url: string;
                            width: number;
                        } | null;
                        /** @enum {string} */
                        status: "pending" | "processing" | "ready" | "failed";
                        updatedAt: string;
                        width: number | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description well-formed, but its content cannot be used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MediaController_createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentType?: string;
                    filename?: string;
                    size?: number;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        headers: {
                            [key: string]: string;
                        };
                        id: string;
                        maxBytes: number;
                        url: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                actorId?: string;
                before?: string;
                from?: string;
                limit?: number;
                storyId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description newest first; pass nextCursor as `before` for the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @example login.failed */
                            action: string;
                            actorId?: string;
                            at: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            email?: string;
                            id: string;
                            ip?: string;
                            storyId?: string;
                            subjectId?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DeadLettersController_list: {
        parameters: {
            query?: {
                after?: number;
                consumer?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description oldest first; pass nextCursor as `after` for the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            consumer: string;
                            deliveries: number;
                            error: string;
                            event: {
                                correlationId: string;
                                data: unknown;
                                id: string;
                                /** Format: date-time */
                                occurredAt: string;
                                type: string;
                                version: number;
                            };
                            /** Format: date-time */
                            failedAt: string;
                            seq: number;
                            subject: string;
                        }[];
                        nextCursor: number | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DeadLettersController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                        republishedSeq: number;
                        seq: number;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OpsStatusController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consumers: {
                            /** @enum {boolean} */
                            ok: true;
                            value: {
                                deadLetters: number;
                                inProgress: number;
                                name: string;
                                waiting: number;
                            }[];
                        } | {
                            error: string;
                            /** @enum {boolean} */
                            ok: false;
                        };
                        posts: {
                            /** @enum {boolean} */
                            ok: true;
                            value: {
                                cancelled: number;
                                deleted: number;
                                failed: number;
                                queued: number;
                                sending: number;
                                sent: number;
                                unconfirmed: number;
                            };
                        } | {
                            error: string;
                            /** @enum {boolean} */
                            ok: false;
                        };
                        readiness: {
                            checks: {
                                minio: {
                                    error?: string;
                                    latencyMs?: number;
                                    /** @enum {string} */
                                    status: "up" | "down";
                                };
                                mongodb: {
                                    error?: string;
                                    latencyMs?: number;
                                    /** @enum {string} */
                                    status: "up" | "down";
                                };
                                nats: {
                                    error?: string;
                                    latencyMs?: number;
                                    /** @enum {string} */
                                    status: "up" | "down";
                                };
                            };
                            services: {
                                [key: string]: {
                                    checks?: {
                                        [key: string]: {
                                            error?: string;
                                            latencyMs?: number;
                                            /** @enum {string} */
                                            status: "up" | "down";
                                        };
                                    };
                                    error?: string;
                                    service: string;
                                    /** @enum {string} */
                                    status: "up" | "down";
                                };
                            };
                            /** @enum {string} */
                            status: "up" | "degraded" | "down";
                        };
                        translationJobs: {
                            /** @enum {boolean} */
                            ok: true;
                            value: {
                                applied: number;
                                approved: number;
                                awaiting_translator: number;
                                in_review: number;
                                machine_translated: number;
                                pending: number;
                            };
                        } | {
                            error: string;
                            /** @enum {boolean} */
                            ok: false;
                        };
                    };
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PublicApiController_list: {
        parameters: {
            query?: {
                category?: string;
                cursor?: string;
                lang?: "th" | "en";
                limit?: number;
                province?: string;
                q?: string;
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PublicApiController_story: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lang: "th" | "en";
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the story; ETag and Last-Modified answer conditional requests with 304 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    PublicSearchController_search: {
        parameters: {
            query: {
                /** @description the language searched */
                lang: "th" | "en";
                limit?: number;
                page?: number;
                /** @description what to look for: Thai or English; abbreviation dots, Thai digits and BE/CE years are forgiven */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description hits best first (each a published story with `url`, `snippet`, `score`), `total`, `suggestion` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            byline: string;
                            categories: string[];
                            coverMediaId: string | null;
                            dateline: {
                                place?: string;
                                province?: string;
                            };
                            dateText: string | null;
                            eventDate: {
                                end?: string;
                                start: string;
                            } | null;
                            /** @enum {string} */
                            language: "th" | "en";
                            publishedAt: string;
                            revision: number;
                            score: number;
                            slug: string;
                            snippet: {
                                marks: (number)[][];
                                text: string;
                            };
                            /** @enum {string} */
                            sourceLanguage: "th" | "en";
                            storyId: string;
                            summary: string;
                            tags: string[];
                            title: string;
                            translations: {
                                /** @enum {string} */
                                language: "th" | "en";
                                slug: string;
                                title: string;
                                url: string;
                            }[];
                            updatedAt: string;
                            url: string;
                        }[];
                        page: number;
                        suggestion?: string;
                        total: number;
                    };
                };
            };
            /** @description not modified (If-None-Match / If-Modified-Since) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a missing, empty or too long query, an unknown language, a bad page or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the articles service does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_listChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            createdAt: string;
                            enabled: boolean;
                            followThrough: {
                                deleteOnUnpublish: boolean;
                                editOnCorrection: boolean;
                            };
                            hasCredentials: boolean;
                            hashtags: string[];
                            id: string;
                            /** @enum {string} */
                            language: "th" | "en";
                            name: string;
                            needsReauth: boolean;
                            options: {
                                [key: string]: unknown;
                            };
                            reauthMessage: string | null;
                            template: string;
                            /** @enum {string} */
                            type: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    credentials: {
                        secret: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: {
                        /** Format: uri */
                        url: string;
                    };
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "webhook";
                } | {
                    credentials: {
                        pageAccessToken: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: {
                        pageId: string;
                    };
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "facebook_page";
                } | {
                    credentials: {
                        accessToken: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: Record<string, never>;
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "x";
                } | {
                    credentials: {
                        channelAccessToken: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: {
                        /**
                         * @default broadcast
                         * @enum {string}
                         */
                        mode?: "broadcast" | "push";
                        to?: string;
                    };
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "line_oa";
                } | {
                    credentials: {
                        accessToken: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: {
                        /** @default 500 */
                        characterLimit?: number;
                        /** Format: uri */
                        instanceUrl: string;
                        /**
                         * @default public
                         * @enum {string}
                         */
                        visibility?: "public" | "unlisted" | "private";
                    };
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "mastodon";
                } | {
                    credentials: {
                        botToken: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: {
                        chatId: string;
                        /** @default true */
                        sendPhoto?: boolean;
                    };
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "telegram";
                } | {
                    credentials: {
                        appPassword: string;
                        identifier: string;
                    };
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @default {
                     *       "deleteOnUnpublish": true,
                     *       "editOnCorrection": true
                     *     }
                     */
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language: "th" | "en";
                    name: string;
                    options: Record<string, never>;
                    /**
                     * @default {title}
                     *
                     *     {summary}
                     *
                     *     {url}
                     *     {hashtags}
                     */
                    template?: string;
                    /** @enum {string} */
                    type: "bluesky";
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        enabled: boolean;
                        followThrough: {
                            deleteOnUnpublish: boolean;
                            editOnCorrection: boolean;
                        };
                        hasCredentials: boolean;
                        hashtags: string[];
                        id: string;
                        /** @enum {string} */
                        language: "th" | "en";
                        name: string;
                        needsReauth: boolean;
                        options: {
                            [key: string]: unknown;
                        };
                        reauthMessage: string | null;
                        template: string;
                        /** @enum {string} */
                        type: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_getChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        enabled: boolean;
                        followThrough: {
                            deleteOnUnpublish: boolean;
                            editOnCorrection: boolean;
                        };
                        hasCredentials: boolean;
                        hashtags: string[];
                        id: string;
                        /** @enum {string} */
                        language: "th" | "en";
                        name: string;
                        needsReauth: boolean;
                        options: {
                            [key: string]: unknown;
                        };
                        reauthMessage: string | null;
                        template: string;
                        /** @enum {string} */
                        type: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_deleteChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_updateChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    credentials?: {
                        [key: string]: unknown;
                    };
                    enabled?: boolean;
                    followThrough?: {
                        /** @default true */
                        deleteOnUnpublish?: boolean;
                        /** @default true */
                        editOnCorrection?: boolean;
                    };
                    hashtags?: string[];
                    /** @enum {string} */
                    language?: "th" | "en";
                    name?: string;
                    options?: {
                        [key: string]: unknown;
                    };
                    template?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        enabled: boolean;
                        followThrough: {
                            deleteOnUnpublish: boolean;
                            editOnCorrection: boolean;
                        };
                        hasCredentials: boolean;
                        hashtags: string[];
                        id: string;
                        /** @enum {string} */
                        language: "th" | "en";
                        name: string;
                        needsReauth: boolean;
                        options: {
                            [key: string]: unknown;
                        };
                        reauthMessage: string | null;
                        template: string;
                        /** @enum {string} */
                        type: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_testChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: string | null;
                        error: string | null;
                        ok: boolean;
                        supported: boolean;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_listPosts: {
        parameters: {
            query?: {
                after?: string;
                channelId?: string;
                language?: "th" | "en";
                limit?: number;
                status?: "queued" | "sending" | "sent" | "failed" | "unconfirmed" | "deleted" | "cancelled";
                storyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            channelId: string;
                            /** @enum {string} */
                            channelType: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                            createdAt: string;
                            /** @enum {string|null} */
                            errorKind: "auth" | "rate_limited" | "retryable" | "permanent" | "unconfirmed" | "credentials" | "channel_deleted" | "taken_down" | null;
                            externalId: string | null;
                            externalUrl: string | null;
                            id: string;
                            /** @enum {string} */
                            language: "th" | "en";
                            lastError: string | null;
                            nextAttemptAt: string | null;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "sending" | "sent" | "failed" | "unconfirmed" | "deleted" | "cancelled";
                            storyId: string;
                            text: string | null;
                            title: string | null;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    confirmNotPosted?: boolean;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        channelId: string;
                        /** @enum {string} */
                        channelType: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                        createdAt: string;
                        /** @enum {string|null} */
                        errorKind: "auth" | "rate_limited" | "retryable" | "permanent" | "unconfirmed" | "credentials" | "channel_deleted" | "taken_down" | null;
                        externalId: string | null;
                        externalUrl: string | null;
                        id: string;
                        /** @enum {string} */
                        language: "th" | "en";
                        lastError: string | null;
                        nextAttemptAt: string | null;
                        sentAt: string | null;
                        /** @enum {string} */
                        status: "queued" | "sending" | "sent" | "failed" | "unconfirmed" | "deleted" | "cancelled";
                        storyId: string;
                        text: string | null;
                        title: string | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channelId?: string;
                    /** @enum {string} */
                    language: "th" | "en";
                    storyId: string;
                    summary?: string;
                    title?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            channelId: string;
                            facets?: unknown[];
                            length: number;
                            limit: number | null;
                            name: string;
                            text: string;
                            truncated: boolean;
                            /** @enum {string} */
                            type: "webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky";
                            /** @enum {string} */
                            unit: "x-weighted" | "graphemes" | "characters" | "none";
                        }[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SocialController_reach: {
        parameters: {
            query: {
                language: "th" | "en";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: number;
                        /** @enum {string} */
                        language: "th" | "en";
                        types: ("webhook" | "facebook_page" | "x" | "line_oa" | "mastodon" | "telegram" | "bluesky")[];
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_list: {
        parameters: {
            query?: {
                changed?: "true" | "false";
                cursor?: string;
                language?: "th" | "en";
                limit?: number;
                status?: "pending" | "machine_translated" | "awaiting_translator" | "in_review" | "approved" | "applied";
                storyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appliedRevision: number | null;
                            approvedAt: string | null;
                            approvedBy: string | null;
                            attempts: number;
                            changedCount: number;
                            createdAt: string;
                            id: string;
                            lastError: string | null;
                            nextAttemptAt: string | null;
                            pendingCount: number;
                            /** @enum {string} */
                            provider: "manual" | "libretranslate" | "deepl" | "google" | "openai";
                            segmentCount: number;
                            /** @enum {string} */
                            sourceLanguage: "th" | "en";
                            sourceRevision: number;
                            /** @enum {string} */
                            status: "pending" | "machine_translated" | "awaiting_translator" | "in_review" | "approved" | "applied";
                            storyId: string;
                            /** @enum {string} */
                            targetLanguage: "th" | "en";
                            title: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appliedRevision: number | null;
                        approvedAt: string | null;
                        approvedBy: string | null;
                        attempts: number;
                        changedCount: number;
                        createdAt: string;
                        id: string;
                        lastError: string | null;
                        nextAttemptAt: string | null;
                        pendingCount: number;
                        preview: {
                            body: string;
                            summary: string;
                            title: string;
                        };
                        /** @enum {string} */
                        provider: "manual" | "libretranslate" | "deepl" | "google" | "openai";
                        segmentCount: number;
                        segments: {
                            changed: boolean;
                            draft: string | null;
                            /** @enum {string|null} */
                            draftFrom: "provider" | "memory" | null;
                            editedBy: string | null;
                            kind: string;
                            n: number;
                            source: string;
                            sourceHash: string;
                            /** @enum {string} */
                            status: "pending" | "machine" | "memory" | "edited" | "approved";
                            target: string | null;
                        }[];
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        sourceRevision: number;
                        /** @enum {string} */
                        status: "pending" | "machine_translated" | "awaiting_translator" | "in_review" | "approved" | "applied";
                        storyId: string;
                        /** @enum {string} */
                        targetLanguage: "th" | "en";
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appliedRevision: number | null;
                        approvedAt: string | null;
                        approvedBy: string | null;
                        attempts: number;
                        changedCount: number;
                        createdAt: string;
                        id: string;
                        lastError: string | null;
                        nextAttemptAt: string | null;
                        pendingCount: number;
                        preview: {
                            body: string;
                            summary: string;
                            title: string;
                        };
                        /** @enum {string} */
                        provider: "manual" | "libretranslate" | "deepl" | "google" | "openai";
                        segmentCount: number;
                        segments: {
                            changed: boolean;
                            draft: string | null;
                            /** @enum {string|null} */
                            draftFrom: "provider" | "memory" | null;
                            editedBy: string | null;
                            kind: string;
                            n: number;
                            source: string;
                            sourceHash: string;
                            /** @enum {string} */
                            status: "pending" | "machine" | "memory" | "edited" | "approved";
                            target: string | null;
                        }[];
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        sourceRevision: number;
                        /** @enum {string} */
                        status: "pending" | "machine_translated" | "awaiting_translator" | "in_review" | "approved" | "applied";
                        storyId: string;
                        /** @enum {string} */
                        targetLanguage: "th" | "en";
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TranslationController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sourceHash?: string;
                    target: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appliedRevision: number | null;
                        approvedAt: string | null;
                        approvedBy: string | null;
                        attempts: number;
                        changedCount: number;
                        createdAt: string;
                        id: string;
                        lastError: string | null;
                        nextAttemptAt: string | null;
                        pendingCount: number;
                        preview: {
                            body: string;
                            summary: string;
                            title: string;
                        };
                        /** @enum {string} */
                        provider: "manual" | "libretranslate" | "deepl" | "google" | "openai";
                        segmentCount: number;
                        segments: {
                            changed: boolean;
                            draft: string | null;
                            /** @enum {string|null} */
                            draftFrom: "provider" | "memory" | null;
                            editedBy: string | null;
                            kind: string;
                            n: number;
                            source: string;
                            sourceHash: string;
                            /** @enum {string} */
                            status: "pending" | "machine" | "memory" | "edited" | "approved";
                            target: string | null;
                        }[];
                        /** @enum {string} */
                        sourceLanguage: "th" | "en";
                        sourceRevision: number;
                        /** @enum {string} */
                        status: "pending" | "machine_translated" | "awaiting_translator" | "in_review" | "approved" | "applied";
                        storyId: string;
                        /** @enum {string} */
                        targetLanguage: "th" | "en";
                        title: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        disabled: boolean;
                        email: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "author" | "translator";
                    }[];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @default  */
                    name?: string;
                    password: string;
                    /** @enum {string} */
                    role: "admin" | "editor" | "author" | "translator";
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        disabled: boolean;
                        email: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "author" | "translator";
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disabled?: boolean;
                    name?: string;
                    password?: string;
                    /** @enum {string} */
                    role?: "admin" | "editor" | "author" | "translator";
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        disabled: boolean;
                        email: string;
                        id: string;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "author" | "translator";
                    };
                };
            };
            /** @description the request is malformed or a field is invalid; the message names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no valid bearer token: log in first */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description it conflicts with the current state (someone else is changing it, or it is in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the body is larger than this endpoint accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unsupported Content-Type (send application/json) or file type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a service or dependency is unavailable; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description all dependencies up (services may be degraded) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HealthController_metricsText: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
