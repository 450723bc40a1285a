import HakamCore

/// The OpenAPI 3 description of every route (`GET /openapi.yaml`). Kept in the binary so the
/// served document and the code cannot come from different builds; `OpenAPITests` checks that its
/// paths and methods are exactly the router's, and `Tests/Reliability/schemathesis.sh` checks live
/// responses against it.
public enum OpenAPIDocument {
    public static let yaml = #"""
openapi: 3.0.3
info:
  title: Hakam
  version: "1"
  description: >-
    Comment moderation for news sites. Readers post comments (JSON, form, or WordPress's
    comment form); approved comments are listed per article. Email addresses and IP addresses
    are never returned. Errors carry a stable `error` code and a message in Arabic or English
    (by Accept-Language).
paths:
  /comments:
    post:
      summary: Submit a comment
      operationId: submitComment
      parameters:
        - $ref: "#/components/parameters/AcceptLanguage"
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Submission"}
          application/x-www-form-urlencoded:
            schema: {$ref: "#/components/schemas/Submission"}
      responses:
        "201":
          description: Stored; `status` is approved or pending (spam and trash are reported as pending).
          headers:
            Location: {schema: {type: string}, description: "/comments/ID"}
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Comment"}
        "400": {$ref: "#/components/responses/Error"}
        "403": {$ref: "#/components/responses/Error"}
        "408": {$ref: "#/components/responses/Error"}
        "409": {$ref: "#/components/responses/Error"}
        "413": {$ref: "#/components/responses/Error"}
        "415": {$ref: "#/components/responses/Error"}
        "422": {$ref: "#/components/responses/ValidationError"}
        "429": {$ref: "#/components/responses/RetryError"}
        "503": {$ref: "#/components/responses/RetryError"}
    get:
      summary: Approved comments of an article, oldest first, paged by whole threads
      operationId: listComments
      parameters:
        - {name: post, in: query, required: true, schema: {type: string, minLength: 1, maxLength: \#(SubmissionValidator.postKeyLimit)}}
        - {name: page, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 1000000, default: 1}}
        - {name: per_page, in: query, required: false, description: "Threads per page.", schema: {type: integer, minimum: 1, maximum: 100, default: 50}}
        - {name: If-None-Match, in: header, required: false, schema: {type: string}}
        - $ref: "#/components/parameters/AcceptLanguage"
      responses:
        "200":
          description: One page of approved comments (whole threads), with `parent` for threading. Cacheable (ETag, Cache-Control public).
          content:
            application/json:
              schema: {$ref: "#/components/schemas/CommentList"}
        "304": {description: The copy named in If-None-Match is current.}
        "400": {$ref: "#/components/responses/Error"}
        "503": {$ref: "#/components/responses/RetryError"}
  /wp-comments-post.php:
    post:
      summary: WordPress's comment form (an existing theme's form works unchanged)
      operationId: submitWordPressForm
      parameters:
        - $ref: "#/components/parameters/AcceptLanguage"
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {$ref: "#/components/schemas/WordPressSubmission"}
      responses:
        "303":
          description: >-
            Stored; back to `redirect_to` (on an allowed origin), else the Referer's page, else `/`,
            plus `#comment-ID` (and `?unapproved=ID&moderation-hash=H` while pending).
          headers:
            Location: {schema: {type: string}, required: true}
        "400": {$ref: "#/components/responses/ErrorPage"}
        "403": {$ref: "#/components/responses/ErrorPage"}
        "408": {$ref: "#/components/responses/ErrorPage"}
        "409": {$ref: "#/components/responses/ErrorPage"}
        "413": {$ref: "#/components/responses/ErrorPage"}
        "415": {$ref: "#/components/responses/ErrorPage"}
        "422": {$ref: "#/components/responses/ErrorPage"}
        "429": {$ref: "#/components/responses/ErrorPage"}
        "503": {$ref: "#/components/responses/ErrorPage"}
  /healthz:
    get:
      summary: The process answers
      operationId: health
      responses:
        "200": {$ref: "#/components/responses/Text"}
  /readyz:
    get:
      summary: The database takes writes
      operationId: readiness
      responses:
        "200": {$ref: "#/components/responses/Text"}
        "503": {$ref: "#/components/responses/Text"}
  /moderate/{token}:
    parameters:
      - {name: token, in: path, required: true, description: "A signed action link token from a notification", schema: {type: string, maxLength: 512}}
      - {$ref: "#/components/parameters/LangQuery"}
    get:
      summary: "Confirmation page of a moderator's action link (changes nothing; no-store)"
      operationId: actionLinkConfirm
      responses:
        "200": {$ref: "#/components/responses/HTML"}
        "403": {$ref: "#/components/responses/HTML"}
        "404": {$ref: "#/components/responses/HTML"}
        "410": {$ref: "#/components/responses/HTML"}
        "503": {$ref: "#/components/responses/HTML"}
    post:
      summary: "Acts on the comment once, audited as the link's moderator (no-store)"
      operationId: actionLinkAct
      responses:
        "200": {$ref: "#/components/responses/HTML"}
        "403": {$ref: "#/components/responses/HTML"}
        "404": {$ref: "#/components/responses/HTML"}
        "409": {$ref: "#/components/responses/HTML"}
        "410": {$ref: "#/components/responses/HTML"}
        "503": {$ref: "#/components/responses/HTML"}
  /metrics:
    get:
      summary: Prometheus metrics
      operationId: metrics
      responses:
        "200":
          description: Prometheus text exposition format
          content:
            text/plain: {schema: {type: string}}
  /form:
    get:
      summary: The comment form, an HTML fragment to embed (posts to /wp-comments-post.php)
      operationId: commentForm
      parameters:
        - {$ref: "#/components/parameters/PostQuery"}
        - {$ref: "#/components/parameters/LangQuery"}
      responses:
        "200": {$ref: "#/components/responses/HTML"}
        "400": {$ref: "#/components/responses/HTML"}
  /comments.html:
    get:
      summary: An article's approved comments, threaded, as escaped HTML
      operationId: commentsHTML
      parameters:
        - {$ref: "#/components/parameters/PostQuery"}
        - {$ref: "#/components/parameters/LangQuery"}
        - {name: page, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 1000000, default: 1}}
        - {name: per_page, in: query, required: false, description: "Threads per page.", schema: {type: integer, minimum: 1, maximum: 100, default: 50}}
        - {name: If-None-Match, in: header, required: false, schema: {type: string}}
      responses:
        "200": {$ref: "#/components/responses/HTML"}
        "304": {description: The copy named in If-None-Match is current.}
        "400": {$ref: "#/components/responses/HTML"}
        "503": {$ref: "#/components/responses/HTML"}
  /demo:
    get:
      summary: A demo Arabic news article with the form and its approved comments
      operationId: demo
      parameters:
        - {name: unapproved, in: query, required: false, schema: {type: string}}
        - {name: moderation-hash, in: query, required: false, schema: {type: string}}
      responses:
        "200": {$ref: "#/components/responses/HTML"}
        "503": {$ref: "#/components/responses/HTML"}
  /embed.js:
    get:
      summary: The form's script (fetch submit, inline errors, approved comments)
      operationId: embedScript
      responses:
        "200":
          description: JavaScript
          content:
            text/javascript: {schema: {type: string}}
  /hakam.css:
    get:
      summary: The form's and the demo's stylesheet
      operationId: stylesheet
      responses:
        "200":
          description: CSS
          content:
            text/css: {schema: {type: string}}
  /openapi.yaml:
    get:
      summary: This document
      operationId: openAPI
      responses:
        "200":
          description: OpenAPI 3 YAML
          content:
            application/yaml: {schema: {type: string}}
components:
  parameters:
    PostQuery:
      name: post
      in: query
      required: true
      schema: {type: string, minLength: 1, maxLength: \#(SubmissionValidator.postKeyLimit)}
    LangQuery:
      name: lang
      in: query
      required: false
      schema: {type: string, enum: [ar, en]}
    AcceptLanguage:
      name: Accept-Language
      in: header
      required: false
      schema: {type: string}
      description: Arabic messages when it prefers `ar`, English otherwise.
  schemas:
    Submission:
      type: object
      required: [post, name, email, body]
      properties:
        post: {type: string, minLength: 1, maxLength: \#(SubmissionValidator.postKeyLimit), description: "The article's key: slug, id or URL path."}
        parent: {type: integer, nullable: true, description: An approved comment of the same post.}
        name: {type: string, minLength: 1, maxLength: 245}
        email: {type: string, minLength: 3, maxLength: 254, description: Never published nor returned.}
        url: {type: string, maxLength: 200}
        body: {type: string, minLength: 1, maxLength: 20000}
      additionalProperties: true
    WordPressSubmission:
      type: object
      properties:
        author: {type: string}
        email: {type: string}
        url: {type: string}
        comment: {type: string}
        comment_post_ID: {type: string}
        comment_parent: {type: string}
        redirect_to: {type: string}
        wp-comment-cookies-consent: {type: string}
      additionalProperties: true
    Comment:
      type: object
      required: [id, post, parent, name, url, body, status, created_at]
      properties:
        id: {type: integer}
        post: {type: string}
        parent: {type: integer, nullable: true}
        name: {type: string}
        url: {type: string, nullable: true}
        body: {type: string}
        status: {type: string, enum: [approved, pending]}
        created_at: {type: string, format: date-time}
      additionalProperties: false
    CommentList:
      type: object
      required: [post, total, threads, page, pages, per_page, comments]
      properties:
        post: {type: string}
        total: {type: integer, minimum: 0}
        threads: {type: integer, minimum: 0}
        page: {type: integer, minimum: 1}
        pages: {type: integer, minimum: 0}
        per_page: {type: integer, minimum: 1, maximum: 100}
        comments: {type: array, items: {$ref: "#/components/schemas/Comment"}}
      additionalProperties: false
    Error:
      type: object
      required: [error, message]
      properties:
        error: {type: string, description: "A stable code: malformed_body, invalid_utf8, body_too_large, unsupported_media_type, duplicate, too_fast, comments_closed, banned, rate_limited, storage_unavailable, storage_full, request_timeout, bad_query, validation_failed, origin_not_allowed, duplicate_key (a JSON body names one member twice), method_not_allowed (405)."}
        message: {type: string}
        fields:
          type: object
          additionalProperties:
            type: object
            required: [code, message]
            properties:
              code: {type: string}
              message: {type: string}
  responses:
    HTML:
      description: An HTML page or fragment (errors are a small page in the reader's language)
      content:
        text/html: {schema: {type: string}}
    Error:
      description: A refused request
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    MethodNotAllowed:
      description: >-
        Any path below asked with a method it does not list gets 405, `Allow` naming the methods
        it takes, and an Error body with code method_not_allowed.
      headers:
        Allow: {schema: {type: string}, required: true}
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    ValidationError:
      description: Some fields are invalid; `fields` names each with a code and a message.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    RetryError:
      description: Try again after `Retry-After` seconds.
      headers:
        Retry-After: {schema: {type: integer, minimum: 1}, required: true}
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
    ErrorPage:
      description: A small HTML page with the messages and a back link.
      content:
        text/html: {schema: {type: string}}
    Text:
      description: One line of text
      content:
        text/plain: {schema: {type: string}}
"""#
}
