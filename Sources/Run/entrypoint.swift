import App
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async {
        // Configuration first: a value the server cannot use ends start-up with one line naming
        // the variable, never a backtrace.
        let settings: Settings
        do {
            settings = try Settings.fromEnvironment()
        } catch {
            stop("configuration error: \(error)")
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

    /// One line on standard error and exit code 1.
    static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fayuan: \(message)\n".utf8))
        exit(1)
    }
}
