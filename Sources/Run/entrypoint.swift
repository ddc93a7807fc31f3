import App
import Foundation
import Logging
import NIOCore
import NIOPosix
import Vapor

@main
enum Entrypoint {
    static func main() async {
        // Async handlers run on the server's own event loops instead of hopping to Swift's
        // global executor and back at every await (the hops were a fifth of a page's cost).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        if CommandLine.arguments.dropFirst().first == "bench-hello" { return await benchHello() }
        // Configuration first: a value the server cannot use ends start-up with one line naming
        // the variable, never a backtrace.
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            stop("configuration error: \(error)")
        }
        if CommandLine.arguments.dropFirst().first == "restore" {
            guard let file = CommandLine.arguments.dropFirst(2).first else { stop("usage: Run restore BACKUP_FILE (with the server stopped)") }
            do {
                print(try await restoreSQLiteBackup(file, settings: settings))
                return
            } catch {
                stop("restore refused: \(error)")
            }
        }
        var env: Environment
        do {
            env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env)
        } catch {
            stop("cannot read the command line: \(error)")
        }
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            stop("cannot start: \(error)")
        }
        do {
            try await configure(app, settings: settings)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            stop(StartupFailure.explain(error, settings: settings))
        }
        try? await app.asyncShutdown()
    }

    /// `Run bench-hello`: a bare Vapor application answering "Hello, world!" on `PORT`, with no
    /// middleware and no database: what the HTTP benchmarks print their figures next to.
    static func benchHello() async {
        do {
            let app = try await Application.make(Environment(name: "production", arguments: ["Run", "serve"]))
            app.logger.logLevel = .error
            app.middleware = .init()
            app.http.server.configuration.port = ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8081
            app.get { _ in "Hello, world!" }
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            stop("bench-hello: \(error)")
        }
    }

    /// One line on standard error and exit code 1.
    static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fayuan: \(message)\n".utf8))
        exit(1)
    }
}
