import Foundation

/// One institution as an import file or the staff form gives it, checked.
public struct InstitutionInput: Sendable, Hashable {
    public var name: String
    public var kind: OrganisationKind
    public var street: String
    public var address: String
    public var phone: String
    public var hours: ServiceHours
    public var services: [LegalServiceKind]
    public var areas: [ConsultationTopic]
    public var point: GeoPoint?
    /// The parent institution, by name (import files name it; the form picks it).
    public var parentName: String?
    public var description: String
}

/// One person of the directory, checked.
public struct PersonInput: Sendable, Hashable {
    public var name: String
    public var role: DirectoryRole
    /// The institution the person works for, by name.
    public var organisationName: String
    /// For a village legal adviser: the village or community served, by name.
    public var servesName: String?
    public var phone: String
    public var areas: [ConsultationTopic]
    public var duties: String
    public var onSiteHours: String
}

/// A row an import refused, with the line of the file, the name it gives (an institution's or
/// a person's, so staff find the row in their spreadsheet) and every reason.
public struct RejectedRow: Sendable, Hashable, Codable {
    public var line: Int
    public var name: String
    public var errors: [FieldError]
    public init(line: Int, name: String = "", errors: [FieldError]) {
        self.line = line
        self.name = name
        self.errors = errors
    }
}

/// What an import file holds once read: institutions or people (told apart by the header),
/// and the rows refused. An import with any refused row writes nothing.
public struct DirectoryImportFile: Sendable {
    public enum Rows: Sendable {
        case institutions([(line: Int, input: InstitutionInput)])
        case people([(line: Int, input: PersonInput)])
    }
    public var rows: Rows
    public var rejected: [RejectedRow]

    public var count: Int {
        switch rows {
        case .institutions(let rows): rows.count
        case .people(let rows): rows.count
        }
    }
}

public enum DirectoryImport {
    public static let maxRows = 5000

    /// The columns, by the header a spreadsheet carries (Chinese) or its code.
    public static let institutionColumns: [(code: String, header: String)] = [
        ("name", "名称"), ("kind", "类型"), ("street", "街道"), ("address", "地址"), ("phone", "电话"), ("hours", "服务时间"),
        ("services", "服务项目"), ("areas", "业务领域"), ("latitude", "纬度"), ("longitude", "经度"), ("parent", "上级机构"), ("description", "简介"),
    ]
    public static let personColumns: [(code: String, header: String)] = [
        ("name", "姓名"), ("role", "身份"), ("organisation", "所属机构"), ("serves", "服务村居"), ("phone", "电话"),
        ("areas", "业务领域"), ("duties", "职责"), ("onSiteHours", "驻点时间"),
    ]

    public enum FileError: Error, Equatable, Sendable {
        case malformed(line: Int)
        case empty
        case unknownHeader
        case missingColumns([String])
        case tooManyRows(Int)

        public var message: String {
            switch self {
            case .malformed(let line): "文件第\(line)行的引号没有配对，请用表格软件另存为“CSV UTF-8”后再导入"
            case .empty: "文件里没有数据行"
            case .unknownHeader: "第一行应是列名：机构文件含“名称、类型……”，人员文件含“姓名、身份、所属机构……”"
            case .missingColumns(let names): "缺少必需的列：" + names.joined(separator: "、")
            case .tooManyRows(let n): "一次最多导入\(DirectoryImport.maxRows)行，这个文件有\(n)行，请分批导入"
            }
        }
    }

    /// Reads and checks a whole file. `knownNames` are the institutions already stored, so a
    /// row may name its parent (or a person their institution) from the store or the same file.
    public static func read(_ text: String, knownNames: Set<String>) throws(FileError) -> DirectoryImportFile {
        let records: [(line: Int, fields: [String])]
        do { records = try CSVText.records(text) } catch { throw .malformed(line: error.line) }
        guard let header = records.first else { throw .empty }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let body = records.dropFirst()
        guard !body.isEmpty else { throw .empty }
        guard body.count <= maxRows else { throw .tooManyRows(body.count) }
        if let index = columns(names, institutionColumns) {
            for required in ["name", "kind"] where index[required] == nil {
                throw .missingColumns(["name", "kind"].filter { index[$0] == nil }.map(headerName(institutionColumns)))
            }
            let fileNames = Set(body.map { value($0.fields, index["name"]) })
            var rows: [(Int, InstitutionInput)] = []
            var rejected: [RejectedRow] = []
            var seen: Set<String> = []
            for record in body {
                switch institution(record.fields, index, known: knownNames.union(fileNames)) {
                case .success(let input) where seen.contains(input.name):
                    rejected.append(RejectedRow(line: record.line, name: input.name,
                                                errors: [FieldError(field: "name", code: "duplicate", message: "名称“\(input.name)”在文件中重复")]))
                case .success(let input):
                    seen.insert(input.name)
                    rows.append((record.line, input))
                case .failure(let errors): rejected.append(RejectedRow(line: record.line, name: value(record.fields, index["name"]), errors: errors.errors))
                }
            }
            return DirectoryImportFile(rows: .institutions(rows), rejected: rejected)
        }
        if let index = columns(names, personColumns) {
            let missing = ["name", "role", "organisation"].filter { index[$0] == nil }
            guard missing.isEmpty else { throw .missingColumns(missing.map(headerName(personColumns))) }
            var rows: [(Int, PersonInput)] = []
            var rejected: [RejectedRow] = []
            for record in body {
                switch person(record.fields, index, known: knownNames) {
                case .success(let input): rows.append((record.line, input))
                case .failure(let errors): rejected.append(RejectedRow(line: record.line, name: value(record.fields, index["name"]), errors: errors.errors))
                }
            }
            return DirectoryImportFile(rows: .people(rows), rejected: rejected)
        }
        throw .unknownHeader
    }

    private static func headerName(_ columns: [(code: String, header: String)]) -> (String) -> String {
        { code in columns.first { $0.code == code }?.header ?? code }
    }

    /// Column positions when the header is of this kind of file (its first column's name decides).
    private static func columns(_ names: [String], _ columns: [(code: String, header: String)]) -> [String: Int]? {
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if let column = columns.first(where: { $0.header == name || $0.code == name }) { index[column.code] = index[column.code] ?? position }
        }
        return index[columns[0].code] != nil && (index.count >= 2) ? index : nil
    }

    private static func value(_ fields: [String], _ position: Int?) -> String {
        guard let position, position < fields.count else { return "" }
        return fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func institution(_ fields: [String], _ index: [String: Int], known: Set<String>) -> Result<InstitutionInput, FieldErrors> {
        let v = { (code: String) in value(fields, index[code]) }
        return checkInstitution(name: v("name"), kind: v("kind"), street: v("street"), address: v("address"), phone: v("phone"),
                                hours: v("hours"), services: v("services"), areas: v("areas"), latitude: v("latitude"),
                                longitude: v("longitude"), parent: v("parent"), description: v("description"), known: known)
    }

    /// The checks shared by the import and the staff form.
    public static func checkInstitution(name: String, kind: String, street: String, address: String, phone: String, hours: String,
                                        services: String, areas: String, latitude: String, longitude: String, parent: String,
                                        description: String, known: Set<String>) -> Result<InstitutionInput, FieldErrors> {
        var errors: [FieldError] = []
        checkText(name, "name", "名称", DirectoryRules.nameLength, required: true, into: &errors)
        let organisationKind = OrganisationKind(label: kind)
        if organisationKind == nil {
            errors.append(FieldError(field: "kind", code: kind.isEmpty ? "required" : "invalidChoice",
                                     message: kind.isEmpty ? "请填写类型" : "类型“\(kind)”不认识，可填：" + OrganisationKind.allCases.map(\.chinese).joined(separator: "、")))
        }
        checkText(street, "street", "街道", 0...30, required: false, into: &errors)
        checkText(address, "address", "地址", DirectoryRules.addressLength, required: false, into: &errors)
        if let problem = checkPhone(phone) { errors.append(problem) }
        var serviceHours = ServiceHours.officeHours
        if !hours.isEmpty {
            if let parsed = HoursText.parse(hours) { serviceHours = parsed } else {
                errors.append(FieldError(field: "hours", code: "invalidFormat",
                                         message: "服务时间“\(hours)”写法不对，例如：工作日 09:00-12:00、13:30-17:30；周六 09:00-12:00，或“全天24小时”"))
            }
        }
        let (serviceList, badServices) = list(services, LegalServiceKind.init(label:))
        if !badServices.isEmpty {
            errors.append(FieldError(field: "services", code: "invalidChoice", message: "服务项目“\(badServices.joined(separator: "、"))”不认识，可填：" + LegalServiceKind.allCases.map(\.chinese).joined(separator: "、")))
        }
        let (areaList, badAreas) = list(areas, ConsultationTopic.init(label:))
        if !badAreas.isEmpty {
            errors.append(FieldError(field: "areas", code: "invalidChoice", message: "业务领域“\(badAreas.joined(separator: "、"))”不认识，可填：" + ConsultationTopic.allCases.map(\.chinese).joined(separator: "、")))
        }
        var point: GeoPoint?
        switch (latitude.isEmpty, longitude.isEmpty) {
        case (true, true): point = nil
        case (false, false):
            point = Double(latitude).flatMap { lat in Double(longitude).flatMap { GeoPoint(latitude: lat, longitude: $0) } }
            if point == nil {
                errors.append(FieldError(field: "latitude", code: "invalidFormat",
                                         message: "经纬度“\(latitude)，\(longitude)”不对：应是数字，纬度在-90到90之间，经度在-180到180之间，例如 39.9087、116.3975"))
            }
        default:
            errors.append(FieldError(field: latitude.isEmpty ? "latitude" : "longitude", code: "required", message: "纬度和经度要一起填写，或都不填"))
        }
        if !parent.isEmpty && !known.contains(parent) {
            errors.append(FieldError(field: "parent", code: "notFound", message: "上级机构“\(parent)”不存在，请先导入或填写已有机构的全称"))
        }
        if parent == name && !name.isEmpty { errors.append(FieldError(field: "parent", code: "invalidChoice", message: "上级机构不能是自己")) }
        checkText(description, "description", "简介", DirectoryRules.textLength, required: false, into: &errors)
        guard errors.isEmpty, let organisationKind else { return .failure(FieldErrors(errors)) }
        return .success(InstitutionInput(name: name, kind: organisationKind, street: street, address: address, phone: phone, hours: serviceHours,
                                          services: serviceList.isEmpty ? LegalServiceKind.defaults(for: organisationKind) : serviceList,
                                          areas: areaList, point: point, parentName: parent.isEmpty ? nil : parent, description: description))
    }

    public static func person(_ fields: [String], _ index: [String: Int], known: Set<String>) -> Result<PersonInput, FieldErrors> {
        let v = { (code: String) in value(fields, index[code]) }
        return checkPerson(name: v("name"), role: v("role"), organisation: v("organisation"), serves: v("serves"), phone: v("phone"),
                           areas: v("areas"), duties: v("duties"), onSiteHours: v("onSiteHours"), known: known)
    }

    public static func checkPerson(name: String, role: String, organisation: String, serves: String, phone: String, areas: String,
                                   duties: String, onSiteHours: String, known: Set<String>) -> Result<PersonInput, FieldErrors> {
        var errors: [FieldError] = []
        checkText(name, "name", "姓名", 2...20, required: true, into: &errors)
        let directoryRole = DirectoryRole(label: role)
        if directoryRole == nil {
            errors.append(FieldError(field: "role", code: role.isEmpty ? "required" : "invalidChoice",
                                     message: role.isEmpty ? "请填写身份" : "身份“\(role)”不认识，可填：" + DirectoryRole.allCases.map(\.chinese).joined(separator: "、")))
        }
        if organisation.isEmpty {
            errors.append(.required("organisation", "所属机构"))
        } else if !known.contains(organisation) {
            errors.append(FieldError(field: "organisation", code: "notFound", message: "所属机构“\(organisation)”不存在，请先导入机构"))
        }
        if !serves.isEmpty && !known.contains(serves) {
            errors.append(FieldError(field: "serves", code: "notFound", message: "服务村居“\(serves)”不存在，请先导入该村（居）委会"))
        }
        if directoryRole == .villageAdviser && serves.isEmpty {
            errors.append(FieldError(field: "serves", code: "required", message: "村（居）法律顾问须填写服务的村（居）委会"))
        }
        if let problem = checkPhone(phone) { errors.append(problem) }
        let (areaList, badAreas) = list(areas, ConsultationTopic.init(label:))
        if !badAreas.isEmpty {
            errors.append(FieldError(field: "areas", code: "invalidChoice", message: "业务领域“\(badAreas.joined(separator: "、"))”不认识，可填：" + ConsultationTopic.allCases.map(\.chinese).joined(separator: "、")))
        }
        checkText(duties, "duties", "职责", DirectoryRules.textLength, required: false, into: &errors)
        checkText(onSiteHours, "onSiteHours", "驻点时间", 0...60, required: false, into: &errors)
        guard errors.isEmpty, let directoryRole else { return .failure(FieldErrors(errors)) }
        return .success(PersonInput(name: name, role: directoryRole, organisationName: organisation, servesName: serves.isEmpty ? nil : serves,
                                    phone: phone, areas: areaList, duties: duties, onSiteHours: onSiteHours))
    }

    /// A public work number: digits with hyphens, optionally an extension (`转123`).
    static func checkPhone(_ phone: String) -> FieldError? {
        guard !phone.isEmpty else { return nil }
        let allowed = phone.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" || $0 == " " || $0 == "转" }
        let digits = phone.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        return allowed && (5...20).contains(digits) ? nil
            : FieldError(field: "phone", code: "invalidFormat", message: "电话“\(phone)”不对：只能是数字和“-”，例如 010-12345678 或 12348")
    }

    static func checkText(_ text: String, _ field: String, _ label: String, _ length: ClosedRange<Int>, required: Bool, into errors: inout [FieldError]) {
        if text.isEmpty {
            if required { errors.append(.required(field, label)) }
            return
        }
        if !length.contains(text.count) {
            errors.append(FieldError(field: field, code: "outOfRange", message: "\(label)应为\(length.lowerBound)到\(length.upperBound)个字"))
        } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            errors.append(FieldError(field: field, code: "invalidCharacters", message: "\(label)含有无法显示的控制字符"))
        }
    }

    /// `法律援助、法律咨询` (any of 、,，;；| and spaces between) → the values, and the labels not understood.
    static func list<T: Hashable>(_ text: String, _ make: (String) -> T?) -> ([T], [String]) {
        var values: [T] = []
        var bad: [String] = []
        for piece in text.split(whereSeparator: { "、,，;；| ".contains($0) }).map(String.init) where !piece.isEmpty {
            if let value = make(piece) { if !values.contains(value) { values.append(value) } } else { bad.append(piece) }
        }
        return (values, bad)
    }
}
