-- Impact factors as data, with their source, so that every report can cite it.
-- ADEME 2022: emissions and raw materials avoided per year of use of a refurbished device
-- rather than a new one. No avoided-per-year figure is published for desktops and screens:
-- they are counted, not converted (factors left null).
create table impact_factor (
    category                 varchar(20)   primary key,
    kg_co2e_avoided          numeric(10, 2),
    kg_raw_materials_avoided numeric(10, 2),
    source                   varchar(300)  not null
);

insert into impact_factor (category, kg_co2e_avoided, kg_raw_materials_avoided, source) values
    ('SMARTPHONE', 24.60, 76.90, 'ADEME 2022, impacts évités par le reconditionnement (par an d''usage)'),
    ('LAPTOP', 27.00, 127.00, 'ADEME 2022, impacts évités par le reconditionnement (par an d''usage)'),
    ('TABLET', 20.00, 80.00, 'ADEME 2022, impacts évités par le reconditionnement (par an d''usage)'),
    ('DESKTOP', null, null, 'Pas de facteur ADEME publié pour les ordinateurs fixes reconditionnés'),
    ('SCREEN', null, null, 'Pas de facteur ADEME publié pour les écrans reconditionnés');
