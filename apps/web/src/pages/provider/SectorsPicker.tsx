import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chips } from '../../components/Chips';
import { CheckboxGroup, RadioGroup, SelectField } from '../../components/fields';
import { currentLanguage } from '../../i18n';
import { atecoAllDivisions, atecoSections } from '../shop/ateco';
import { AddedNotice, useAdded } from './added-notice';

export interface SectorsValue {
  allSectors: boolean;
  sections: string[];
  divisions: string[];
}

interface Props {
  value: SectorsValue;
  onChange: (value: SectorsValue) => void;
  error?: string;
  label: string;
}

/** Every ATECO sector, or only some sections and divisions. */
export function SectorsPicker({ value, onChange, error, label }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [division, setDivision] = useState('');
  const { added, announceAdded } = useAdded();
  const divisions = atecoAllDivisions(language);
  const divisionLabel = (code: string): string => divisions.find((d) => d.value === code)?.label ?? code;
  return (
    <div className="sectors-picker">
      <RadioGroup
        id="offer-sectors"
        legend={label}
        error={error}
        options={[
          { value: 'all', label: t('sectors.all') },
          { value: 'some', label: t('sectors.some') },
        ]}
        value={value.allSectors ? 'all' : 'some'}
        onChange={(choice) => onChange({ ...value, allSectors: choice === 'all' })}
      />
      {value.allSectors ? null : (
        <>
          <CheckboxGroup id="offer-sectors-sections" legend={t('sectors.sections')} hint={t('sectors.sectionsHint')} columns options={atecoSections(language)} value={value.sections} onChange={(sections) => onChange({ ...value, sections })} />
          <div className="row align-items-start">
            <div className="col-md-10">
              <SelectField
                id="offer-sectors-division"
                label={t('sectors.division')}
                hint={t('sectors.divisionHint')}
                placeholder={t('sectors.chooseDivision')}
                options={divisions.filter((d) => !value.divisions.includes(d.value))}
                value={division}
                onChange={setDivision}
              />
            </div>
            <div className="col-md-2 coverage-add">
              <button
                type="button"
                className="btn btn-outline-primary"
                disabled={!division}
                aria-label={t('sectors.addDivisionLabel')}
                onClick={() => {
                  onChange({ ...value, divisions: [...value.divisions, division] });
                  setDivision('');
                  // The button is disabled once the choice is emptied: the focus goes back to the choice.
                  announceAdded(divisionLabel(division), 'offer-sectors-division');
                }}
              >
                {t('sectors.addDivision')}
              </button>
            </div>
          </div>
          <AddedNotice>{added ? t('sectors.added', { division: added }) : ''}</AddedNotice>
          <Chips
            label={t('sectors.chosenDivisions')}
            items={value.divisions.map((code) => ({ key: code, label: divisionLabel(code) }))}
            onRemove={(code) => onChange({ ...value, divisions: value.divisions.filter((d) => d !== code) })}
            emptyFocusId="offer-sectors-division"
          />
        </>
      )}
    </div>
  );
}
