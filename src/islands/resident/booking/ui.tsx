// The booking islands use the shared form pieces; this keeps their imports short.
export { FieldError, describedBy } from '../../shared/fields/FieldError';
export { ErrorSummary, type SummaryError } from '../../shared/fields/ErrorSummary';
export { Alert } from '../../shared/Alert';
