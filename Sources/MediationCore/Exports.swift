// People's mediation builds on the kernel (calendar, periods, actors); re-exported so callers
// need one import.
@_exported import Kernel
