export type { DeliveryStep, PostedReport } from './delivery-reports';
export {
  MessageMediaEmulator,
  type MessageMediaEmulatorOptions,
  type RequestLogEntry,
} from './emulator';
export type { EmulatorRoute, InjectedFailure } from './faults';
export type { WireMessage } from './wire';
