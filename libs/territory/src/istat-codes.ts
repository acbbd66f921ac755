export const REGION_CODE_PATTERN = /^\d{2}$/;
export const PROVINCE_CODE_PATTERN = /^\d{3}$/;
export const COMUNE_CODE_PATTERN = /^\d{6}$/;
