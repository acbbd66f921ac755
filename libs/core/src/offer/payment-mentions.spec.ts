import { paymentMentions } from './payment-mentions';

describe('words in an offer that suggest the shop would pay', () => {
  it.each([
    ['Gratuito per sei mesi, poi 9,90 euro al mese con rinnovo automatico.', ['9,90 euro al mese', 'rinnovo automatico']],
    ['Dopo la prova il servizio si rinnova automaticamente a € 12 all’anno.', ['€ 12 all’anno', 'si rinnova automaticamente']],
    ['Primo anno gratis; dal secondo un canone di 5 EUR.', ['5 EUR', 'canone']],
    ['Serve una carta di credito per attivarlo; addebito dopo 30 giorni.', ['addebito', 'carta di credito']],
    ['Commissioni del 2% su ogni ordine.', ['Commissioni']],
  ])('finds them in %j', (text, expected) => {
    expect(paymentMentions(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    'Gratuito per sei mesi, senza alcun obbligo di rinnovo né costi nascosti.',
    'Nessun canone, nessun rinnovo automatico: alla fine dei 12 mesi il servizio termina.',
    'Costo per il negozio: 0 euro. Senza carta di credito.',
    'Vetrina online gratuita per 6 mesi, con 20 prodotti e 2 foto ciascuno.',
    'Completely free for 12 months, without any subscription fee.',
  ])('finds none in %j', (text) => {
    expect(paymentMentions(text)).toEqual([]);
  });

  it('reads every text given and names each phrase once', () => {
    expect(paymentMentions('Canone mensile.', 'Poi un canone di 3 euro.')).toEqual(['Canone', '3 euro']);
  });
});
