import Foundation

/// What a person does on the platform (DOMAIN §2).
public enum Role: String, Codable, Sendable, CaseIterable {
    case citizen
    case communityStaff
    case workstationStaff
    case liaisonStaff
    case centreReviewer
    case centreDirector
    case lawyer
    /// 人民调解员: a member of a people's mediation committee (issue #26).
    case mediator
    case supervisor
    case systemAdmin
    case securityAdmin
    case auditAdmin

    public var chinese: String {
        switch self {
        case .citizen: "申请人"
        case .communityStaff: "社区联系点工作人员"
        case .workstationStaff: "街道工作站初审员"
        case .liaisonStaff: "部门联络中心工作人员"
        case .centreReviewer: "法援中心审查员"
        case .centreDirector: "法援中心审批人"
        case .lawyer: "承办律师"
        case .mediator: "人民调解员"
        case .supervisor: "监督管理人员"
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全管理员"
        case .auditAdmin: "审计管理员"
        }
    }

    /// 三员分立: the system, security and audit administrators.
    public static let administrators: Set<Role> = [.systemAdmin, .securityAdmin, .auditAdmin]

    public var isStaff: Bool { self != .citizen }
}

public enum RoleAssignmentError: Error, Equatable, Sendable {
    case combinesAdministrators(Set<Role>)
    case empty
    case citizenWithStaffRole
}

/// The roles one account holds. An account may hold several working roles, but never two
/// of the three administrators (等保2.0 三员分立), and a citizen account holds nothing else.
public struct RoleSet: Hashable, Sendable {
    public let roles: Set<Role>

    public init(_ roles: Set<Role>) throws(RoleAssignmentError) {
        guard !roles.isEmpty else { throw .empty }
        let admins = roles.intersection(Role.administrators)
        if admins.count > 1 { throw .combinesAdministrators(admins) }
        if roles.contains(.citizen) && roles.count > 1 { throw .citizenWithStaffRole }
        self.roles = roles
    }

    public func contains(_ role: Role) -> Bool { roles.contains(role) }
    public func containsAny(_ other: Set<Role>) -> Bool { !roles.isDisjoint(with: other) }
}
