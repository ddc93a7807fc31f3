import Vapor
import Fluent
public func placeholderBoot() {}
