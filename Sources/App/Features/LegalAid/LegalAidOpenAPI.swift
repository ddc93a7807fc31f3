/// Legal aid's part of `/openapi.yaml`: applications, cases, objections, intake, deadlines and the status lookup.
/// Assembled into the whole document by `OpenAPIDocument`; `PlatformTests` holds routes and
/// document to each other both ways.
extension LegalAidFeature {
    var openAPI: OpenAPIFragment {
        OpenAPIFragment(schemas: #"""
    ApplicationForm:
      type: object
      description: The content of 《法援在线初审案件申请表》. Every key is optional in a draft.
      properties:
        applicant:
          type: object
          properties:
            name: { type: string }
            idNumber: { type: string, description: 18-character resident ID number with a valid check digit }
            phone: { type: string, description: 11-digit mainland mobile number }
            address: { type: string }
            employer: { type: string }
        agent:
          type: object
          nullable: true
          properties:
            name: { type: string }
            relation: { type: string, enum: [guardian, closeRelative, other] }
            idNumber: { type: string }
            phone: { type: string }
        matter:
          type: object
          properties:
            type:
              type: string
              nullable: true
              enum: [stateCompensation, socialInsurance, socialAssistance, pension, support, labourWages, civilCapacity, workInjury,
                     trafficAccident, foodDrugSafety, medicalAccident, environmentalDamage, petitionOrRetrial, criminalDefence, criminalVictim, divorce, familyDispute, other, null]
            cause: { type: string }
            opposingParty: { type: string }
            facts: { type: string }
            helpWanted: { type: string }
            applicantDetained: { type: boolean }
        household:
          type: object
          properties:
            members: { type: integer, nullable: true, minimum: 1, maximum: 30 }
            monthlyIncomeYuan: { type: integer, nullable: true, minimum: 0, maximum: 9999999 }
            incomeNote: { type: string }
        exemptions:
          type: array
          items:
            type: string
            enum: [noFixedIncomeMinorElderlyDisabled, minimumLivingAllowance, extremePoverty, fiveGuarantees, judicialAssistance,
                   veteranBenefits, migrantWorkerWagesOrInjury, legalAidCard]
        exemptionProof: { type: string }
        meansFreeGround:
          type: string
          nullable: true
          enum: [martyrRelative, braveryAct, acquittedOnRetrial, abuseAbandonmentDomesticViolence, null]
        priorities:
          type: array
          items:
            type: string
            enum: [domesticViolence, abuse, abandonment, landExpropriation, demolition, fakeAgriculturalInputs, environmentalPollution]
        integrityPledge: { type: boolean }
        preferredLawyer: { type: string }
    DraftRequest:
      type: object
      required: [form]
      properties:
        communityPointID: { type: string, format: uuid, nullable: true, description: Required for citizens; staff file for their own community point }
        preReviewOrganisationID: { type: string, format: uuid, nullable: true, description: A department liaison centre instead of the street workstation }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807, nullable: true, description: The version last seen; a stale one is refused with 409 }
        form: { $ref: '#/components/schemas/ApplicationForm' }
    EventRequest:
      type: object
      required: [type]
      description: |
        What each event needs besides `type` (and `version`, the application's version you saw;
        a missing field is refused with 422 naming it):

        | type | needs |
        |---|---|
        | submit, accept, approve, deemWithdrawn | nothing more (`note` optional for approve) |
        | requestMaterials | `items` (every missing material at once, 一次性告知) and `supplyBy` (a date after today) |
        | supplyMaterials | nothing more (`note` optional) |
        | preReject | `reason` and `referral` (where else the applicant can go) |
        | preApprove | `opinion` |
        | fileReview | `opinion` and `recommendation`; `eligibilityOverride` when the recommendation departs from the rules' finding |
        | deny | `reasons` (written into 不予法律援助决定书) |
        | returnForReview | `reason` |
        | withdraw | `reason` optional |
      properties:
        type:
          type: string
          enum: [submit, requestMaterials, supplyMaterials, preReject, preApprove, accept, fileReview, approve, deny, returnForReview, withdraw, deemWithdrawn]
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807, nullable: true }
        items: { type: array, items: { type: string }, description: "requestMaterials: every missing material (一次性告知)" }
        supplyBy: { type: string, format: date, description: "requestMaterials: YYYY-MM-DD, after today" }
        note: { type: string }
        reason: { type: string }
        referral: { type: string, description: "preReject: where else the applicant can go" }
        opinion: { type: string }
        recommendation: { type: string, enum: [approve, deny] }
        eligibilityOverride: { type: string, description: "fileReview: required when departing from the rules' finding" }
        reasons: { type: string, description: "deny: written into 不予法律援助决定书" }
    Event:
      type: object
      properties:
        seq: { type: integer }
        at: { type: string, format: date-time }
        type: { type: string }
        label: { type: string }
        from: { type: string }
        to: { type: string }
        actorName: { type: string, nullable: true }
        reasonCode: { type: string, nullable: true }
        payload: { type: object, nullable: true, additionalProperties: { type: string } }
    Eligibility:
      type: object
      nullable: true
      properties:
        outcome: { type: string, enum: [eligible, ineligible, needsReview] }
        rule: { type: string }
        article: { type: string }
        explanation: { type: string }
        priorities: { type: array, items: { type: string } }
        greenChannel: { type: boolean }
    Application:
      type: object
      properties:
        id: { type: string, format: uuid }
        number: { type: string, example: FY2026-000012 }
        state: { type: string }
        stateLabel: { type: string }
        nextStep: { type: string }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 }
        channel: { type: string }
        communityPointID: { type: string, format: uuid, nullable: true }
        preReviewOrganisationID: { type: string, format: uuid }
        centreID: { type: string, format: uuid }
        form: { $ref: '#/components/schemas/ApplicationForm' }
        eligibility: { $ref: '#/components/schemas/Eligibility' }
        decisionDue: { type: string, format: date, nullable: true }
        decisionClock: { $ref: '#/components/schemas/DecisionClock' }
        supplyBy: { type: string, format: date, nullable: true }
        availableEvents: { type: array, items: { type: string } }
        events: { type: array, items: { $ref: '#/components/schemas/Event' } }
        documents:
          type: array
          items:
            type: object
            properties:
              id: { type: string, format: uuid }
              kind: { type: string }
              title: { type: string }
              number: { type: string, example: （2026）示法援援字第0001号 }
              issuedAt: { type: string, format: date-time }
        attachments: { type: array, items: { $ref: '#/components/schemas/Attachment' } }
    Attachment:
      type: object
      properties:
        id: { type: string, format: uuid }
        name: { type: string }
        contentType: { type: string, enum: [image/jpeg, image/png, image/gif, image/webp, application/pdf] }
        size: { type: integer }
        sha256: { type: string }
    Summary:
      type: object
      properties:
        id: { type: string, format: uuid }
        number: { type: string }
        state: { type: string }
        stateLabel: { type: string }
        applicantName: { type: string }
        matterType: { type: string, nullable: true }
        decisionDue: { type: string, format: date, nullable: true }
        decisionClock: { $ref: '#/components/schemas/DecisionClock' }
        overdue: { type: boolean }
    CaseSummary:
      type: object
      properties:
        id: { type: string, format: uuid }
        applicationID: { type: string, format: uuid }
        number: { type: string }
        state: { type: string, enum: [awaitingAssignment, awaitingFirmNomination, inProgress, closingReported, closed, qualityReviewed, followedUp, terminated, transferred] }
        stateLabel: { type: string }
        origin: { type: string, enum: [decision, urgent, notification] }
        applicantName: { type: string }
        lawyerID: { type: string, format: uuid, nullable: true }
        assignmentDue: { type: string, format: date, description: "法律援助法 第36、43条: 3 days" }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807 }
    CaseDetail:
      type: object
      properties:
        summary: { $ref: '#/components/schemas/CaseSummary' }
        firmID: { type: string, format: uuid, nullable: true }
        possibleLifeOrDeath: { type: boolean }
        notifyingAuthority: { type: string, nullable: true }
        paperworkDue: { type: string, format: date, nullable: true }
        paperworkDone: { type: boolean }
        mediationConsent: { type: string, nullable: true, enum: [consented, declined, null] }
        qualityReviewDue: { type: string, format: date, nullable: true }
        returnVisitDue: { type: string, format: date, nullable: true }
        headcount: { type: integer, description: Recipients of a group matter, the applicant included }
        pendingChangeRequest: { type: boolean }
        events:
          type: array
          items:
            type: object
            properties:
              seq: { type: integer }
              at: { type: string, format: date-time }
              type: { type: string }
              from: { type: string }
              to: { type: string }
              actorName: { type: string }
              payload: { type: object, nullable: true, additionalProperties: { type: string } }
        progress:
          type: array
          items:
            type: object
            properties:
              at: { type: string, format: date-time }
              kind: { type: string }
              note: { type: string }
              notifiedApplicant: { type: boolean }
    CaseEventRequest:
      type: object
      required: [type]
      description: |
        One step on a case. `assignLawyer`/`nominateLawyer`/`changeLawyer` take `lawyerID` (and
        `possibleLifeOrDeath`; `changeLawyer` also `reason`); `assignFirm` takes `firmID`; `assignCentreStaff` takes `staffID`;
        `fileClosingReport` takes `outcome`; `returnClosingReport` `reason`; `reviewQuality` `grade`
        (excellent, good, pass, fail) and `remarks`; `recordReturnVisit` `satisfaction` (1–5) and
        `comments`; `terminate` `ground` (法律援助法 第48条) and `explanation`; `transfer` `toCentre` and `reason`.
      properties:
        type: { type: string, enum: [assignLawyer, assignFirm, assignCentreStaff, nominateLawyer, changeLawyer, fileClosingReport, returnClosingReport, close, reviewQuality, recordReturnVisit, terminate, transfer] }
        version: { type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807, description: The case version the caller saw (409 if it has moved on) }
        lawyerID: { type: string }
        firmID: { type: string }
        possibleLifeOrDeath: { type: boolean }
        reason: { type: string }
        outcome: { type: string }
        grade: { type: string, enum: [excellent, good, pass, fail] }
        remarks: { type: string }
        satisfaction: { type: integer, minimum: 1, maximum: 5 }
        comments: { type: string }
        ground: { type: string, enum: [deception, concealedFacts, illegalUse, noLongerInHardship, caseEnded, ownLawyerHired, applicantRequest] }
        explanation: { type: string }
        toCentre: { type: string }
        staffID: { type: string, description: For assignCentreStaff, a reviewer or director of the centre }
    Objection:
      type: object
      properties:
        id: { type: string, format: uuid }
        applicationID: { type: string, format: uuid }
        number: { type: string }
        subject: { type: string, enum: [denial, termination] }
        state: { type: string, enum: [pending, upheld, correctionOrdered] }
        stateLabel: { type: string }
        receivedOn: { type: string, format: date }
        dueOn: { type: string, format: date, description: "法律援助法 第49条: 5 days" }
        explanation: { type: string, nullable: true }
    DetainedRequest:
      type: object
      properties:
        id: { type: string, format: uuid }
        placeName: { type: string }
        personName: { type: string }
        receivedAt: { type: string, format: date-time }
        forwardDue: { type: string, format: date-time, description: "法律援助法 第39条: 24 hours after receipt" }
        forwardedAt: { type: string, format: date-time, nullable: true }
        applicationID: { type: string, format: uuid, nullable: true }
    Deadline:
      type: object
      properties:
        kind: { type: string, enum: [decision, materials, assignment, paperwork, objection, forwarding, qualityReview, returnVisit] }
        label: { type: string }
        description: { type: string }
        due: { type: string, format: date-time }
        overdue: { type: boolean }
        dueToday: { type: boolean }
        responsible: { type: boolean, description: true when the caller must act, false when they supervise }
        link: { type: string }
    DecisionClock:
      type: object
      description: |
        The centre's 7-day decision clock (法律援助法 第43条). While the applicant is asked for
        materials it is stopped: `running` is false, there is no `lastDay`, and `pausedSince` and
        `daysLeftWhenResumed` say since when and how many days remain once the materials arrive.
      properties:
        running: { type: boolean }
        lastDay: { type: string, format: date, nullable: true }
        daysLeft: { type: integer, nullable: true }
        overdue: { type: boolean }
        pausedSince: { type: string, format: date, nullable: true }
        daysLeftWhenResumed: { type: integer, nullable: true }
"""#, paths: #"""
  /api/v1/community-points:
    get:
      summary: Community points and department liaison centres an application can be filed through
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Places
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: { type: string, format: uuid }
                    name: { type: string }
                    kind: { type: string }
                    parentID: { type: string, format: uuid, nullable: true }
                    hours: { type: string }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/status:
    get:
      summary: Status of an application without signing in (number + last four digits of the phone)
      parameters:
        - { name: number, in: query, required: true, schema: { type: string } }
        - { name: phoneLast4, in: query, required: true, schema: { type: string, pattern: '^[0-9]{4}$' } }
      responses:
        "200":
          description: Where the application stands; no personal data
          content:
            application/json:
              schema:
                type: object
                properties:
                  number: { type: string }
                  state: { type: string }
                  stateLabel: { type: string }
                  nextStep: { type: string }
                  caseState: { type: string, nullable: true, description: "Once aid is granted: where the case stands" }
                  caseStateLabel: { type: string, nullable: true }
                  decisionDue: { type: string, format: date, nullable: true, description: "The last day while the clock runs; null while it is stopped" }
                  decisionClock: { $ref: '#/components/schemas/DecisionClock' }
                  materialsRequested: { type: array, nullable: true, items: { type: string } }
                  supplyBy: { type: string, format: date, nullable: true }
                  events: { type: array, items: { $ref: '#/components/schemas/Event' } }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "429":
          description: |
            Too many lookups from this address, or (`lookupLocked`) ten wrong tries today on this
            application number: its lookup is closed until the next day and the applicant is told
            by SMS. `Retry-After` says how long.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error' }
  /api/v1/applications:
    get:
      summary: Applications the caller may see
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: List, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Summary' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: Start a draft (citizen, or community-point staff on the applicant's behalf)
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DraftRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Draft created, content: { application/json: { schema: { $ref: '#/components/schemas/Application' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
  /api/v1/applications/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: One application (404 when it does not exist or is outside the caller's reach)
      security: [{ bearer: [] }]
      responses:
        "200": { description: The application, content: { application/json: { schema: { $ref: '#/components/schemas/Application' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
    put:
      summary: Change a draft
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DraftRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Saved, content: { application/json: { schema: { $ref: '#/components/schemas/Application' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/applications/{id}/events:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: Move the application (submit, pre-review, centre review, decision, withdrawal)
      description: |
        409 `illegalTransition` when the state does not allow the event; 409 `conflict` when
        someone else changed the application since `version`; 403 when the role may not act;
        422 with `field` when the event's data is incomplete.
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/EventRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Moved, content: { application/json: { schema: { $ref: '#/components/schemas/Application' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/applications/{id}/attachments:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: Add an evidence file (JPEG, PNG, GIF, WebP or PDF, checked by content)
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties:
                file: { type: string, format: binary }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "400": { $ref: '#/components/responses/Error' }
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Stored, content: { application/json: { schema: { $ref: '#/components/schemas/Attachment' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "413": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
  /api/v1/documents/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: The content of an issued, numbered document
      security: [{ bearer: [] }]
      responses:
        "200":
          description: Document
          content:
            application/json:
              schema:
                type: object
                properties:
                  title: { type: string }
                  number: { type: string }
                  addressee: { type: string, nullable: true }
                  rows: { type: array, items: { type: object, properties: { label: { type: string }, value: { type: string } } } }
                  paragraphs: { type: array, items: { type: string } }
                  issuer: { type: string }
                  issuedOn: { type: string, format: date }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
  /api/v1/deadlines/overdue:
    get:
      summary: Applications past their legal decision deadline (staff)
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: Overdue, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Summary' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/cases:
    get:
      summary: "Cases the caller may see (centre staff, supervisors, the assigned lawyer, the recipient)"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: Done, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/CaseSummary' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/cases/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: "One case with its events and progress (the recipient sees only progress shared with them)"
      security: [{ bearer: [] }]
      responses:
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/CaseDetail' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
  /api/v1/cases/{id}/events:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Move the case: assign, handle, close, review, visit, terminate, transfer"
      description: |
        409 `illegalTransition` when the state does not allow the step or `conflict` when the case moved on
        since `version`; 422 with `field` for bad data (e.g. `lawyerID` not a lawyer of the district's firms,
        or one with under 3 years' criminal practice for a possible life or death sentence, 第26条).
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/CaseEventRequest' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/CaseDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
\#(OpenAPIFragment.step("/api/v1/cases/{id}/progress", summary: "The assigned lawyer records progress (第46条); the recipient is told unless notifyApplicant is false",
                           body: ##"{ type: object, properties: { kind: { type: string, enum: [meeting, filing, hearing, mediation, document, other] }, note: { type: string }, notifyApplicant: { type: boolean } } }"##, status: 201, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/cases/{id}/change-request", summary: "The recipient asks to change lawyer, with a reason (第46条)",
                           body: ##"{ type: object, properties: { reason: { type: string } } }"##, status: 201, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/cases/{id}/change-request/refuse", summary: "The centre refuses a change-of-lawyer request, with reasons (granting = changeLawyer event)",
                           body: ##"{ type: object, properties: { response: { type: string } } }"##, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/cases/{id}/mediation", summary: "The assigned lawyer records whether the recipient agreed to try mediation first (non-criminal matters)",
                           body: ##"{ type: object, properties: { consent: { type: string, enum: [consented, declined] }, how: { type: string } } }"##, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/cases/{id}/members", summary: "Add co-recipients of a group matter; every line must be valid or none is stored",
                           body: ##"{ type: object, properties: { members: { type: string, description: '每行一人：姓名，手机号' } } }"##, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/applications/{id}/urgent-aid", summary: "The director gives aid first, paperwork later (第44条: under 7 days to a limitation period or filing deadline, or urgent preservation)",
                           body: ##"{ type: object, properties: { daysToDeadline: { type: integer, minimum: 0, maximum: 3650 }, urgentPreservation: { type: boolean }, reason: { type: string } } }"##, status: 201, returns: "CaseDetail"))
\#(OpenAPIFragment.step("/api/v1/applications/{id}/objection", summary: "Object to a denial or a termination (第49条); the bureau decides within 5 days",
                           body: ##"{ type: object, properties: { reason: { type: string } } }"##, status: 201, returns: "Objection"))
  /api/v1/objections:
    get:
      summary: "Objections the caller may see"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: Done, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Objection' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
\#(OpenAPIFragment.step("/api/v1/objections/{id}/decision", summary: "The bureau upholds the decision or orders the centre to correct it (the denial is reopened, the case reinstated)",
                           body: ##"{ type: object, properties: { outcome: { type: string, enum: [upheld, correctionOrdered] }, explanation: { type: string } } }"##, returns: "Objection"))
  /api/v1/notifications:
    post:
      summary: "Register a criminal notification (通知辩护, 第36条): the case opens due for assignment within 3 days"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { type: object, properties: { authority: { type: string, enum: [publicSecurity, procuratorate, court] }, authorityName: { type: string }, personName: { type: string }, charge: { type: string }, receivedOn: { type: string, format: date }, possibleLifeOrDeath: { type: boolean }, detained: { type: boolean } } } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Done, content: { application/json: { schema: { $ref: '#/components/schemas/CaseDetail' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
  /api/v1/deadlines:
    get:
      summary: "Every running clock the caller is responsible for or supervises"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: Done, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Deadline' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/detained-requests:
    get:
      summary: "Detained people's requests recorded at the caller's centre (第39条)"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200": { description: Done, headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/DetainedRequest' } } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: "Record a detained person's request; it must be forwarded within 24 hours"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, properties: { placeName: { type: string }, personName: { type: string }, charge: { type: string }, note: { type: string }, receivedAt: { type: string, format: date-time } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Recorded, content: { application/json: { schema: { $ref: '#/components/schemas/DetainedRequest' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
  /api/v1/detained-requests/{id}/forward:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    post:
      summary: "Forward it to the centre: it becomes an application whose 7-day clock starts"
      security: [{ bearer: [] }]
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "200": { description: Forwarded, content: { application/json: { schema: { $ref: '#/components/schemas/DetainedRequest' } } } }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "409": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
"""#)
    }
}
