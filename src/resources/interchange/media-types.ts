// The workbook's media type, apart from the exporter (./export.ts) so the routes name it without loading exceljs.
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
