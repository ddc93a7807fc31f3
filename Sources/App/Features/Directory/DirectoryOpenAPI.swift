/// The directory's part of `/openapi.yaml`: institutions, people and the nearest search.
/// Assembled into the whole document by `OpenAPIDocument`; `PlatformTests` holds routes and
/// document to each other both ways.
extension DirectoryFeature {
    var openAPI: OpenAPIFragment {
        OpenAPIFragment(schemas: #"""
    DirectoryInstitution:
      type: object
      required: [id, name, kind, kindLabel, street, address, phone, hours, services, serviceLabels, practiceAreas, practiceAreaLabels, description, openNow, opening, url]
      properties:
        id: { type: string, format: uuid }
        name: { type: string }
        kind: { type: string, enum: [bureau, legalAidCenter, departmentLiaison, streetWorkstation, communityPoint, lawFirm, justiceOffice, notaryOffice, forensicAppraisal, mediationCommittee, arbitration, villageCommittee] }
        kindLabel: { type: string }
        street: { type: string }
        address: { type: string }
        phone: { type: string }
        hours: { type: string, example: "工作日 09:00–12:00、13:30–17:30（节假日除外）" }
        services: { type: array, items: { type: string, enum: [legalAid, consultation, mediation, notarization, forensicAppraisal, arbitration, litigation, legalAdviser] } }
        serviceLabels: { type: array, items: { type: string } }
        practiceAreas: { type: array, items: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        practiceAreaLabels: { type: array, items: { type: string } }
        latitude: { type: number, nullable: true }
        longitude: { type: number, nullable: true }
        description: { type: string }
        parentID: { type: string, format: uuid, nullable: true }
        parentName: { type: string, nullable: true }
        openNow: { type: boolean }
        opening: { type: string, example: "明天09:00开放" }
        url: { type: string }
    DirectoryPerson:
      type: object
      required: [id, name, role, roleLabel, organisationID, organisationName, phone, practiceAreas, practiceAreaLabels, duties, onSiteHours]
      properties:
        id: { type: string, format: uuid }
        name: { type: string }
        role: { type: string, enum: [lawyer, notary, appraiser, mediator, villageAdviser, legalAidWorker, basicLegalWorker] }
        roleLabel: { type: string }
        organisationID: { type: string, format: uuid }
        organisationName: { type: string }
        servesID: { type: string, format: uuid, nullable: true }
        servesName: { type: string, nullable: true }
        phone: { type: string }
        practiceAreas: { type: array, items: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        practiceAreaLabels: { type: array, items: { type: string } }
        duties: { type: string }
        onSiteHours: { type: string }
        photoURL: { type: string, nullable: true, description: "The person's photo (an image), where one was given" }
    DirectoryInstitutionWrite:
      type: object
      required: [name, kind]
      properties:
        name: { type: string, minLength: 2, maxLength: 60 }
        kind: { type: string, enum: [bureau, legalAidCenter, departmentLiaison, streetWorkstation, communityPoint, lawFirm, justiceOffice, notaryOffice, forensicAppraisal, mediationCommittee, arbitration, villageCommittee] }
        street: { type: string }
        address: { type: string }
        phone: { type: string, example: "010-66668888" }
        hours: { type: string, example: "工作日 08:30-12:00、14:00-17:30", description: "As staff write it; empty means ordinary office hours" }
        services: { type: array, items: { type: string, enum: [legalAid, consultation, mediation, notarization, forensicAppraisal, arbitration, litigation, legalAdviser] } }
        practiceAreas: { type: array, items: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        latitude: { type: number, minimum: -90, maximum: 90 }
        longitude: { type: number, minimum: -180, maximum: 180 }
        parent: { type: string, description: "The parent institution's name" }
        description: { type: string }
    DirectoryPersonWrite:
      type: object
      required: [name, role, organisation]
      properties:
        name: { type: string, minLength: 2, maxLength: 20 }
        role: { type: string, enum: [lawyer, notary, appraiser, mediator, villageAdviser, legalAidWorker, basicLegalWorker] }
        organisation: { type: string, description: "The institution's name" }
        serves: { type: string, description: "A village adviser's village or community committee, by name" }
        phone: { type: string }
        practiceAreas: { type: array, items: { type: string, enum: [labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        duties: { type: string }
        onSiteHours: { type: string }
"""#, paths: #"""
  /api/v1/directory:
    get:
      summary: "The public directory of legal services: institutions, filtered by kind, service, street, practice area and words (one- and two-character words match through an index)"
      parameters:
        - { name: q, in: query, required: false, schema: { type: string, maxLength: 100 }, description: "e.g. 调解" }
        - { name: kind, in: query, required: false, schema: { type: string, enum: ["", bureau, legalAidCenter, departmentLiaison, streetWorkstation, communityPoint, lawFirm, justiceOffice, notaryOffice, forensicAppraisal, mediationCommittee, arbitration, villageCommittee] } }
        - { name: service, in: query, required: false, schema: { type: string, enum: ["", legalAid, consultation, mediation, notarization, forensicAppraisal, arbitration, litigation, legalAdviser] } }
        - { name: street, in: query, required: false, schema: { type: string, maxLength: 30 } }
        - { name: area, in: query, required: false, schema: { type: string, enum: ["", labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Institutions
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/DirectoryInstitution' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: "Add an institution (or, by the same name, change it): the directory's editors (centre reviewer, director, system administrator)"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryInstitutionWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Saved; the public pages follow at once, content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryInstitution' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/directory/nearest:
    get:
      summary: "The nearest institutions to a position (lat and lon) or a chosen street or village (from), nearest first, each with its distance and whether it is open now (hours and the holiday calendar)"
      parameters:
        - { name: lat, in: query, required: false, schema: { type: number, minimum: -90, maximum: 90 } }
        - { name: lon, in: query, required: false, schema: { type: number, minimum: -180, maximum: 180 } }
        - { name: from, in: query, required: false, schema: { type: string, format: uuid }, description: "A 司法所 or village committee with a position" }
        - { name: kind, in: query, required: false, schema: { type: string, enum: ["", bureau, legalAidCenter, departmentLiaison, streetWorkstation, communityPoint, lawFirm, justiceOffice, notaryOffice, forensicAppraisal, mediationCommittee, arbitration, villageCommittee] } }
        - { name: service, in: query, required: false, schema: { type: string, enum: ["", legalAid, consultation, mediation, notarization, forensicAppraisal, arbitration, litigation, legalAdviser] } }
        - { name: open, in: query, required: false, schema: { type: string, enum: ["1"] }, description: "Only those open now" }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: Nearest first
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  required: [institution, metres, distance]
                  properties:
                    institution: { $ref: '#/components/schemas/DirectoryInstitution' }
                    metres: { type: integer }
                    distance: { type: string, example: "350米" }
        "400": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/directory/people:
    get:
      summary: "People of the directory: lawyers, notaries, appraisers, mediators, village legal advisers"
      parameters:
        - { name: q, in: query, required: false, schema: { type: string, maxLength: 100 } }
        - { name: role, in: query, required: false, schema: { type: string, enum: ["", lawyer, notary, appraiser, mediator, villageAdviser, legalAidWorker, basicLegalWorker] } }
        - { name: area, in: query, required: false, schema: { type: string, enum: ["", labour, marriageFamily, trafficAccident, lending, property, tort, criminal, other] } }
        - { $ref: '#/components/parameters/Page' }
        - { $ref: '#/components/parameters/Limit' }
      responses:
        "200":
          description: People
          headers: { X-Total-Count: { $ref: '#/components/headers/TotalCount' }, Link: { $ref: '#/components/headers/Link' } }
          content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/DirectoryPerson' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    post:
      summary: "Add a person (or, by the same name at the same institution, change them): the directory's editors"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryPersonWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "201": { description: Saved, content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryPerson' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/directory/people/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    put:
      summary: "Change a person (every field, as on the form): the directory's editors"
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryPersonWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Saved, content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryPerson' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    delete:
      summary: "Remove a person from the directory (their photo goes too): the directory's editors"
      security: [{ bearer: [] }]
      responses:
        "204": { description: Removed }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
  /api/v1/directory/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
    get:
      summary: "One institution and its people (a village: its legal advisers)"
      responses:
        "200":
          description: The institution
          content:
            application/json:
              schema:
                type: object
                required: [institution, people]
                properties:
                  institution: { $ref: '#/components/schemas/DirectoryInstitution' }
                  people: { type: array, items: { $ref: '#/components/schemas/DirectoryPerson' } }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
    put:
      summary: "Change an institution (every field, as on the form): the directory's editors. The legal-aid network's own offices keep their kind and parent."
      security: [{ bearer: [] }]
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryInstitutionWrite' } } }
      parameters:
        - { $ref: '#/components/parameters/IdempotencyKey' }
      responses:
        "415": { $ref: '#/components/responses/Error' }
        "200": { description: Saved, content: { application/json: { schema: { $ref: '#/components/schemas/DirectoryInstitution' } } } }
        "400": { $ref: '#/components/responses/Error' }
        "401": { $ref: '#/components/responses/Error' }
        "403": { $ref: '#/components/responses/Error' }
        "404": { $ref: '#/components/responses/Error' }
        "422": { $ref: '#/components/responses/Error' }
"""#)
    }
}
