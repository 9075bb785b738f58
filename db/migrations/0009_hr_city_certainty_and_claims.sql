ALTER TABLE `cities` ADD `hr_city_since_certainty` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `cities` ADD `hr_city_since_claims` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cities` ADD `hr_city_basis_certainty` text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE `cities` ADD `hr_city_basis_claims` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Rows written before certainties existed: no date means unknown, one confirmed, several disputed (ADR 003, addendum).
UPDATE `cities` SET `hr_city_since_certainty` = CASE json_array_length(`hr_city_since`) WHEN 0 THEN 'unknown' WHEN 1 THEN 'confirmed' ELSE 'disputed' END;
