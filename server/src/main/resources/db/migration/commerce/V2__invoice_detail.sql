-- A second line under an invoice's description: the list price and the coupon a sale used.
ALTER TABLE invoices ADD COLUMN detail text;
