// The legal-aid rules build on the shared pure kernel (roles, calendar and periods,
// organisations, validation); re-exported so callers need one import.
@_exported import Kernel
