/// People's mediation's part of `/openapi.yaml`.
extension MediationFeature {
    var openAPI: OpenAPIFragment {
        OpenAPIFragment(schemas: #"""
    MediationWrite:
      type: object
      description: "A citizen applies for themselves (source, sourceRef and joint are ignored); desk staff, lawyers and mediators register one for others"
      properties:
        type: { type: string, enum: [neighbour, family, labour, property, traffic, medical, consumer, land, debt, other] }
        source: { type: string, enum: [partyApplication, committeeInitiative, consultation, legalAidCase, courtReferral, villageAdviser] }
        sourceRef: { type: string, format: uuid, description: "The consultation or case it came from" }
        facts: { type: string, minLength: 10, maxLength: 2000 }
        claims: { type: string, maxLength: 1000 }
        applicantName: { type: string, minLength: 2, maxLength: 50 }
        applicantPhone: { type: string, example: "13900000001" }
        applicantAgent: { type: string, maxLength: 50 }
        applicantPlace: { type: string, format: uuid, description: "The applicant's village or community committee" }
        respondentName: { type: string, minLength: 2, maxLength: 50 }
        respondentPhone: { type: string, description: "When known: the other side is asked by SMS" }
        respondentOrganisation: { type: boolean }
        respondentAddress: { type: string, maxLength: 200 }
        respondentPlace: { type: string, format: uuid, description: "The other side's village or community committee" }
        language: { type: string, maxLength: 20 }
        joint: { type: boolean, description: "Every party applied together: nobody is asked" }
    MediationParty:
      type: object
      required: [id, side, name, organisation, rightsAcknowledged]
      properties:
        id: { type: string, format: uuid }
        side: { type: string, enum: [applicant, respondent] }
        name: { type: string }
        organisation: { type: boolean }
        reply: { type: string, enum: [accepted, refused], nullable: true }
        rightsAcknowledged: { type: boolean }
    Mediation:
      type: object
      required: [id, number, type, typeLabel, source, state, stateLabel, version, committeeID, committeeName, escalationOpen, createdAt]
      properties:
        id: { type: string, format: uuid }
        number: { type: string, example: "（2026）幸调字第0001号" }
        type: { type: string, enum: [neighbour, family, labour, property, traffic, medical, consumer, land, debt, other] }
        typeLabel: { type: string }
        source: { type: string, enum: [partyApplication, committeeInitiative, consultation, legalAidCase, courtReferral, villageAdviser] }
        state: { type: string, enum: [awaitingReply, accepted, mediating, agreed, failed, refused, lapsed, withdrawn, closed] }
        stateLabel: { type: string }
        version: { type: integer }
        committeeID: { type: string, format: uuid }
        committeeName: { type: string }
        mediatorAccountID: { type: string, format: uuid, nullable: true }
        replyDue: { type: string, format: date, nullable: true, description: "The last day the other side may answer" }
        acceptedOn: { type: string, format: date, nullable: true, description: "The one-month period runs from here" }
        agreementEffectiveOn: { type: string, format: date, nullable: true, description: "The 30 days for judicial confirmation run from here" }
        escalationOpen: { type: boolean }
        createdAt: { type: string, format: date-time }
        parties: { type: array, items: { $ref: '#/components/schemas/MediationParty' } }
"""#, paths: #"""
  /api/v1/mediations:
    get:
      summary: "Mediations: a mediator's committee's, or every committee's for the supervisor; newest first"
      security: [{ bearer: [] }]
      parameters:
        - { name: state, in: query, required: false, schema: { type: string, enum: [awaitingReply, accepted, mediating, agreed, failed, refused, lapsed, withdrawn, closed] } }
        - { name: flagged, in: query, required: false, schema: { type: string, enum: ["1"] }, description: "Only those with an open escalation flag" }
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Mediations
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Mediation' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: "Apply for people's mediation (a citizen), or register one (desk staff, lawyers, mediators): the committee is found from the dispute type and the parties' places; the other side is asked by SMS with a 7-day deadline"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/MediationWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "201": { description: Registered, content: { application/json: { schema: { $ref: '#/components/schemas/Mediation' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "415": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/mediations/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: "One mediation with its parties (audited)"
      security: [{ bearer: [] }]
      responses:
        "200": { description: The mediation, content: { application/json: { schema: { $ref: '#/components/schemas/Mediation' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
"""#)
    }
}
