import { Pipe, PipeTransform } from '@angular/core';
import { BilingualLabel, Language } from './language';

/** Picks the right half of a label the contracts give in both languages: `{{ ROLE_LABELS[role] | localizedLabel: language() }}`. */
@Pipe({ name: 'localizedLabel' })
export class LocalizedLabelPipe implements PipeTransform {
  transform(label: BilingualLabel | null | undefined, language: Language): string {
    return label ? label[language] : '';
  }
}
