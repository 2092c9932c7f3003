/** localStorage key of the student's progress record. */
export const STORAGE_KEY = 'mlops-progress';
