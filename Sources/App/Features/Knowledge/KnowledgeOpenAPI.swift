/// The knowledge base's part of `/openapi.yaml`: search, entries, laws by article, 智能咨询 and the unanswered questions.
/// Assembled into the whole document by `OpenAPIDocument`; `PlatformTests` holds routes and
/// document to each other both ways.
extension KnowledgeFeature {
    var openAPI: OpenAPIFragment {
        OpenAPIFragment(schemas: #"""
    TextPiece:
      type: object
      required: [text, matched]
      properties:
        text: { type: string }
        matched: { type: boolean, description: "true where the searched words were found (show highlighted)" }
    KnowledgeItem:
      type: object
      required: [id, kind, kindLabel, title, url, snippet, published, version, views, updatedAt]
      properties:
        id: { type: string, format: uuid }
        kind: { type: string, enum: [article, law, typicalCase, faq] }
        kindLabel: { type: string, example: 常见问题 }
        title: { type: string }
        article: { type: integer, nullable: true, description: "Set when the item is one article of a law (31 for 第三十一条)" }
        url: { type: string, description: "The public page" }
        snippet: { type: string }
        titlePieces: { type: array, nullable: true, items: { $ref: '#/components/schemas/TextPiece' } }
        snippetPieces: { type: array, nullable: true, items: { $ref: '#/components/schemas/TextPiece' } }
        published: { type: boolean }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 }
        views: { type: integer }
        updatedAt: { type: string, format: date-time }
        publishedAt: { type: string, format: date-time, nullable: true }
    LawArticle:
      type: object
      required: [number, label, text, url]
      properties:
        number: { type: integer, example: 31 }
        label: { type: string, example: 第三十一条 }
        chapter: { type: string, nullable: true }
        section: { type: string, nullable: true }
        text: { type: string }
        url: { type: string }
    KnowledgeEntry:
      type: object
      required: [id, kind, kindLabel, title, body, published, version, views, updatedAt, url]
      properties:
        id: { type: string, format: uuid }
        kind: { type: string, enum: [article, law, typicalCase, faq] }
        kindLabel: { type: string }
        title: { type: string }
        body: { type: string, description: "Markdown (headings, lists, quotes, bold, emphasis, http(s) and site links; any HTML is shown as text)" }
        published: { type: boolean }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807, description: "Send it back when saving, publishing or withdrawing: a stale version is refused with 409 staleVersion" }
        views: { type: integer }
        updatedAt: { type: string, format: date-time }
        publishedAt: { type: string, format: date-time, nullable: true }
        url: { type: string }
        articles: { type: array, nullable: true, items: { $ref: '#/components/schemas/LawArticle' }, description: "A law's articles" }
    KnowledgeWrite:
      type: object
      required: [kind, title, body]
      properties:
        kind: { type: string, enum: [article, law, typicalCase, faq] }
        title: { type: string, minLength: 2, maxLength: 80 }
        body: { type: string, minLength: 1, maxLength: 200000, description: "Markdown; a law one article a line, each starting with 第N条" }
        note: { type: string, maxLength: 200, description: "What changed (kept in the version history)" }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807, description: "PUT: the version edited" }
    KnowledgeQuestion:
      type: object
      required: [id, question, timesAsked, firstAskedAt, lastAskedAt, handled]
      properties:
        id: { type: string, format: uuid }
        question: { type: string, description: "As asked, with phone, ID numbers and e-mail addresses taken out" }
        timesAsked: { type: integer }
        firstAskedAt: { type: string, format: date-time }
        lastAskedAt: { type: string, format: date-time }
        handled: { type: boolean }
    KnowledgeVersion:
      type: object
      required: [version, action, actionLabel, title, editorName, at]
      properties:
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 }
        action: { type: string, enum: [created, edited, published, unpublished] }
        actionLabel: { type: string }
        title: { type: string }
        note: { type: string, nullable: true }
        editorName: { type: string }
        at: { type: string, format: date-time }
"""#, paths: #"""
  /api/v1/knowledge:
    get:
      summary: "Search the knowledge base in Chinese (q: every typed word must appear, best first, matched words marked) or list it newest first; editors add drafts=true"
      parameters:
        - { name: q, in: query, required: false, schema: { type: string, maxLength: 100 }, description: "What to look for, in plain words (工伤, 老板拖欠工资怎么办)" }
        - { name: kind, in: query, required: false, schema: { type: string, enum: ["", article, law, typicalCase, faq] } }
        - { name: drafts, in: query, required: false, schema: { type: string, enum: ["", "true", "false"] }, description: "Editors: include drafts" }
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: "Entries, or a law's articles, one item each"
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/KnowledgeItem' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: "Write a new entry (a draft, version 1): editors only"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/KnowledgeWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "413": { $ref: '#/components/responses/Error' }
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Saved as a draft, content: { application/json: { schema: { $ref: '#/components/schemas/KnowledgeEntry' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/knowledge/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: "One published entry (editors also drafts), with a law's articles"
      responses:
        "200": { description: The entry, content: { application/json: { schema: { $ref: '#/components/schemas/KnowledgeEntry' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    put:
      summary: "Save an edit made on `version` (a new version; a published entry's public page and search follow at once)"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/KnowledgeWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "413": { $ref: '#/components/responses/Error' }
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Saved, content: { application/json: { schema: { $ref: '#/components/schemas/KnowledgeEntry' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/knowledge/{id}/articles/{article}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      - { name: article, in: path, required: true, description: "第N条 as N, 第N条之k as N-k (e.g. 133-1)", schema: { type: string, pattern: '^[1-9][0-9]{0,3}(-[1-9][0-9]?)?$' } }
    get:
      summary: "One article of a published law (第N条)"
      responses:
        "200": { description: The article, content: { application/json: { schema: { $ref: '#/components/schemas/LawArticle' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
\#(OpenAPIFragment.step("/api/v1/knowledge/{id}/publish", summary: "Publish: the public sees and finds it (editors; send the version seen)",
                           body: ##"{ type: object, required: [version], properties: { version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 } } }"##, returns: "KnowledgeEntry"))
\#(OpenAPIFragment.step("/api/v1/knowledge/{id}/unpublish", summary: "Withdraw: no longer public or searchable (editors; send the version seen)",
                           body: ##"{ type: object, required: [version], properties: { version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 } } }"##, returns: "KnowledgeEntry"))
  /api/v1/knowledge/{id}/versions:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: "Every saved state of an entry, newest first: who created, edited, published or withdrew it, and when (editors)"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Versions
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/KnowledgeVersion' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/knowledge/ask:
    get:
      summary: "智能咨询: a question in plain words (colloquial words read as the law's terms); the best FAQs and law articles, whether they answer it, and the ways to a person. An unanswered question is kept (numbers out) for staff."
      parameters:
        - { name: q, in: query, required: true, schema: { type: string, minLength: 1, maxLength: 100 }, description: "e.g. 老板拖欠工资三个月怎么办" }
      responses:
        "200":
          description: The answer
          content:
            application/json:
              schema:
                type: object
                required: [answered, items, help]
                properties:
                  answered: { type: boolean }
                  items: { type: array, items: { $ref: '#/components/schemas/KnowledgeItem' } }
                  help:
                    type: array
                    items: { type: object, properties: { label: { type: string }, url: { type: string } } }
        "400": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/knowledge/questions:
    get:
      summary: "Questions 智能咨询 could not answer, most asked first (editors)"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Questions
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/KnowledgeQuestion' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/knowledge/questions/{id}/done:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Mark a kept question handled (an FAQ was written, or none is needed); asked again unanswered, it opens again"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "204": { description: Done }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
"""#)
    }
}
