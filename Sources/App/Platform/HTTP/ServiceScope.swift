import Fluent
import Vapor

/// What a service reads from whoever called it — a request, a job, a command or a spec: the
/// database (or the transaction), the shared services, the moment, the caller's address for the
/// audit trail and a logger. Read once; a service is built the same way from each.
struct ServiceScope {
    var db: Database
    var services: FayuanServices
    var now: Date
    var clientAddress: String
    var logger: Logger

    init(db: Database, services: FayuanServices, now: Date? = nil, clientAddress: String = "system",
         logger: Logger = Logger(label: "fayuan.system")) {
        self.db = db
        self.services = services
        self.now = now ?? services.clock.now()
        self.clientAddress = clientAddress
        self.logger = logger
    }

    init(_ req: Request) {
        self.init(db: req.db, services: req.fayuan, now: req.now, clientAddress: req.clientAddress, logger: req.logger)
    }

    /// The same caller on another database handle (a transaction).
    func on(_ db: Database) -> ServiceScope {
        var scope = self
        scope.db = db
        return scope
    }
}

/// A service that reads its caller's database, services, moment, address and logger as its own.
protocol ServiceScoped {
    var scope: ServiceScope { get }
}

extension ServiceScoped {
    var db: Database { scope.db }
    var services: FayuanServices { scope.services }
    var now: Date { scope.now }
    var clientAddress: String { scope.clientAddress }
    var logger: Logger { scope.logger }
}

/// A service made from a scope alone: `Service(req)` in a handler, `Service(scope: …)` elsewhere.
protocol ScopedService: ServiceScoped {
    init(scope: ServiceScope)
}

extension ScopedService {
    init(_ req: Request) { self.init(scope: ServiceScope(req)) }
}
