// The desk's rules build on the kernel and hand over to legal aid (a consultation becomes an
// application); re-exported so callers need one import.
@_exported import Kernel
@_exported import LegalAidCore
