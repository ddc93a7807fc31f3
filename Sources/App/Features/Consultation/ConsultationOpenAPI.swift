/// The consultation desk's part of `/openapi.yaml`: conversations, the desk, the call log and the hotline's events (the live socket is in `/asyncapi.yaml`).
/// Assembled into the whole document by `OpenAPIDocument`; `PlatformTests` holds routes and
/// document to each other both ways.
extension ConsultationFeature {
    var openAPI: OpenAPIFragment {
        OpenAPIFragment(schemas: #"""
    ConsultationSummary:
      type: object
      properties:
        id: { type: string, format: uuid }
        channel: { type: string, enum: [live, messageBoard, hotline, window] }
        topic: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] }
        topicLabel: { type: string, example: 劳动争议 }
        state: { type: string, enum: [waiting, active, awaitingReply, callback, closed, abandoned] }
        stateLabel: { type: string, example: 排队中 }
        askerName: { type: string, description: "How the person asked to be addressed (王女士), not a legal name" }
        responsibleID: { type: string, format: uuid, nullable: true, description: "Who holds it now (首问负责)" }
        queuedAt: { type: string, format: date-time }
        escalationDue: { type: string, format: date-time, nullable: true, description: "A waiting live request becomes a hotline call back at this moment (3 minutes)" }
        replyDue: { type: string, format: date-time, nullable: true, description: "A written question is answered by this moment (24 hours)" }
        messageCount: { type: integer }
        outcome: { type: string, nullable: true, example: referred.mediation, description: "answered, application, referred.{mediation|notary|appraisal}, passedOn.{12345|12315|12333|12338}" }
        applicationID: { type: string, format: uuid, nullable: true }
        applicationNumber: { type: string, nullable: true, description: "In a conversation's detail: the legal aid application it became" }
    ConsultationFile:
      type: object
      properties:
        id: { type: string, format: uuid }
        name: { type: string }
        contentType: { type: string, enum: [image/jpeg, image/png, image/gif, image/webp, application/pdf] }
        size: { type: integer }
        url: { type: string, description: "Fetched with the conversation's credentials (bearer token or X-Consultation-Key)" }
    ConsultationMessage:
      type: object
      properties:
        id: { type: string, format: uuid, description: "The client's clientId when it gave one: a resend is stored once" }
        seq: { type: integer, description: "1, 2, 3… within the conversation: resume after the last one seen" }
        author: { type: string, enum: [asker, staff, system] }
        authorName: { type: string }
        body: { type: string }
        at: { type: string, format: date-time }
        file: { allOf: [{ $ref: '#/components/schemas/ConsultationFile' }], nullable: true }
    ConsultationDetail:
      type: object
      properties:
        summary: { $ref: '#/components/schemas/ConsultationSummary' }
        messages: { type: array, items: { $ref: '#/components/schemas/ConsultationMessage' } }
        queuePlace: { type: integer, nullable: true }
        queueText: { type: string, nullable: true, description: "An honest wait estimate, in Chinese" }
        rating: { type: integer, nullable: true }
        canRate: { type: boolean }
        callbackPhone: { type: string, nullable: true, description: "Desk staff only, while a call back is owed or while they hold it" }
    DeskState:
      type: object
      properties:
        deskID: { type: string, format: uuid }
        deskName: { type: string }
        open: { type: boolean }
        availability: { type: string }
        onDuty: { type: boolean }
        waiting: { type: array, items: { $ref: '#/components/schemas/ConsultationSummary' } }
        mine: { type: array, items: { $ref: '#/components/schemas/ConsultationSummary' } }
        callbacks: { type: array, items: { $ref: '#/components/schemas/ConsultationSummary' } }
        questions: { type: array, items: { $ref: '#/components/schemas/ConsultationSummary' } }
        staffOnDuty:
          type: array
          items: { type: object, properties: { accountID: { type: string, format: uuid }, name: { type: string }, openChats: { type: integer }, since: { type: string, format: date-time } } }
        figures:
          type: object
          description: "The supervisor's figures: today's, and the rating over 30 days"
          properties:
            waiting: { type: integer }
            longestWaitSeconds: { type: integer, nullable: true }
            liveDecidedToday: { type: integer }
            answeredInTimeToday: { type: integer }
            answerRate: { type: number, nullable: true }
            callbacksOwed: { type: integer }
            callbackAttemptsToday: { type: integer }
            questionsOpen: { type: integer }
            repliesOverdue: { type: integer }
            ratings: { type: integer }
            averageRating: { type: number, nullable: true }
    ConsultationStepRequest:
      type: object
      properties:
        to: { type: string, format: uuid, description: "hand-over: the colleague on duty who takes it" }
        note: { type: string, maxLength: 2000, description: "hand-over: what the colleague needs to know; close: what was handed on and to whom (required for referred.* and passedOn.*), or the request for an application" }
        outcome: { type: string, description: "close: answered, application, referred.{mediation|notary|appraisal}, passedOn.{12345|12315|12333|12338}" }
        consent: { type: boolean, description: "close as application: the person agreed their words may be used for it" }
        communityPointID: { type: string, format: uuid, description: "close as application: the person's community point, whose workstation pre-reviews it" }
        reply: { type: string, description: "reply: the written answer to a message-board question" }
        result: { type: string, enum: [reached, noAnswer, busy, unreachable, wrongNumber], description: "callback: how the attempt went (three attempts at most)" }
        stars: { type: integer, minimum: 1, maximum: 5, description: "rate" }
        comment: { type: string, maxLength: 500, description: "rate" }
"""#, paths: #"""
  /api/v1/consultations:
    get:
      summary: "Consultations: a citizen's own; at the desk, one's own and what waits for anyone (supervisors: all of the desk)"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
        - { name: state, in: query, required: false, schema: { type: string, enum: [waiting, active, awaitingReply, callback, closed, abandoned] } }
      responses:
        "200": { description: List, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/ConsultationSummary' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: Ask a question, live (joins the queue) or on the message board (answered within 24 hours)
      description: |
        Signed in as a citizen, or anonymous with `phone` and the `phoneCode` sent to it by
        `POST /api/v1/consultations/phone-code`. An anonymous asker gets `askerKey` once: send it
        as `X-Consultation-Key` to read and write this conversation. 409 `deskClosed` outside the
        desk's hours for a live request (the message board stays open).
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [topic, question, name]
              properties:
                channel: { type: string, enum: [live, messageBoard], default: live }
                topic: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] }
                question: { type: string, minLength: 5, maxLength: 2000 }
                name: { type: string, maxLength: 30, description: "How to address the person (王女士)" }
                phone: { type: string, description: "Required when anonymous: the number the hotline calls back" }
                phoneCode: { type: string, description: "Required when anonymous: the 6-digit code sent to phone" }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201":
          description: Started
          content:
            application/json:
              schema:
                type: object
                properties:
                  consultation: { $ref: '#/components/schemas/ConsultationDetail' }
                  askerKey: { type: string, nullable: true }
        "400": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "429": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/phone-code:
    post:
      summary: Send a 6-digit code to the number an anonymous asker leaves (five minutes, five tries; three codes a number in ten minutes)
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, required: [phone], properties: { phone: { type: string } } } } }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "202":
          description: Sent
          content: { application/json: { schema: { type: object, properties: { sentTo: { type: string, example: 尾号0003 }, validForSeconds: { type: integer } } } } }
        "400": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "429": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: One conversation with its messages after `after` (404 when the caller may not read it)
      security: [{ bearer: [] }, { consultationKey: [] }]
      parameters:
        - { name: after, in: query, required: false, description: "The last message number the client has", schema: { type: integer, minimum: 0 } }
      responses:
        "200": { description: The conversation, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/messages:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: Send a message (stored before it is acknowledged; a resend with the same clientId is stored once)
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { body: { type: string, maxLength: 2000 }, clientId: { type: string, format: uuid } } } } }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Stored, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationMessage' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "429": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/files:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: Send an image or a PDF (checked by content; at most the configured upload size)
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema: { type: object, required: [file], properties: { file: { type: string, format: binary }, clientId: { type: string, format: uuid } } }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Stored with its message, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationMessage' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "413": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "429": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/files/{file}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      - { name: file, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: A file sent in the conversation, typed by its checked content
      security: [{ bearer: [] }, { consultationKey: [] }]
      responses:
        "200": { description: The file, content: { image/*: { schema: { type: string, format: binary } }, application/pdf: { schema: { type: string, format: binary } } } }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/take:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Take a waiting request, a call back or a written question (desk staff on duty); the taker stays responsible"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/hand-over:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Hand a conversation to a named colleague on duty, with a note"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/close:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Close with its outcome (answered, application with consent and community point, referral, another hotline)"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/reply:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Answer a message-board question in writing (the asker is told)"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/callback:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Record a call-back attempt; reached makes it a conversation again, the third failure ends it"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/rate:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "The person served rates it once, after it ended (1–5 and a comment)"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/consultations/{id}/withdraw:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "The asker leaves before anyone took the request"
      security: [{ bearer: [] }, { consultationKey: [] }]
      requestBody:
        required: false
        content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationStepRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/desk:
    get:
      summary: "The desk: queue, own chats, call backs, written questions, who is on duty, and the supervisor's figures"
      security: [{ bearer: [] }]
      responses:
        "200": { description: The desk, content: { application/json: { schema: { $ref: '#/components/schemas/DeskState' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
  /api/v1/desk/duty:
    post:
      summary: Go on or off duty at the desk
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, required: [onDuty], properties: { onDuty: { type: boolean } } } } }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: The desk, content: { application/json: { schema: { $ref: '#/components/schemas/DeskState' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/desk/next:
    post:
      summary: Take the longest-waiting live request (404 queueEmpty; 409 notOnDuty or at the limit of parallel chats)
      security: [{ bearer: [] }]
      responses:
        "200": { description: Taken, content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationDetail' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
  /api/v1/desk/calls:
    post:
      summary: "Log a 12348 call or a window visit by hand (登记来电): caller, topic, summary, answer, minutes, outcome"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [topic, summary, answer, minutes, outcome]
              properties:
                channel: { type: string, enum: [hotline, window, null], default: hotline, nullable: true }
                phone: { type: string, nullable: true, description: "Empty when the number was withheld" }
                name: { type: string, maxLength: 30, nullable: true }
                topic: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] }
                summary: { type: string, minLength: 5, maxLength: 2000 }
                answer: { type: string, minLength: 2, maxLength: 4000 }
                minutes: { type: integer, minimum: 1, maximum: 600 }
                outcome: { type: string, enum: [answered, application, referred.mediation, referred.notary, referred.appraisal, passedOn.12345, passedOn.12315, passedOn.12333, passedOn.12338] }
                note: { type: string, nullable: true }
                consent: { type: boolean, nullable: true }
                communityPointID: { type: string, format: uuid, nullable: true, description: "Required when the outcome is application" }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Logged (closed), content: { application/json: { schema: { $ref: '#/components/schemas/ConsultationSummary' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/hotline/events:
    post:
      summary: "The 12348 PBX posts call events here (see README: 12348 PBX webhook)"
      description: |
        Signed with the shared secret: `X-Fayuan-Timestamp` (Unix seconds, within five minutes)
        and `X-Fayuan-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`.
        Each `eventId` is taken once (409 `replayed`). 503 when no secret is configured.
      parameters:
        - { name: X-Fayuan-Timestamp, in: header, required: true, schema: { type: string } }
        - { name: X-Fayuan-Signature, in: header, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [eventId, callId, type]
              properties:
                eventId: { type: string }
                callId: { type: string }
                type: { type: string, enum: [ringing, answered, ended, missed, voicemail] }
                caller: { type: string }
                agent: { type: string, description: "The staff username who answered" }
                durationSeconds: { type: integer }
                recording: { type: string, description: "voicemail: the PBX's recording reference" }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "202": { description: Taken, content: { application/json: { schema: { type: object, properties: { consultationID: { type: string, format: uuid, nullable: true }, state: { type: string, nullable: true } } } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "413": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "503": { $ref: '#/components/responses/Error' }
"""#)
    }
}
