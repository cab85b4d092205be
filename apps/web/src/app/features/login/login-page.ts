import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDividerModule } from '@angular/material/divider';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthConfig } from '@app/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { API_ROOT, ApiClient } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { safeReturnUrl } from '../../core/auth/return-url';
import { Notifier } from '../../core/errors/notifier';
import { LanguageSwitch } from '../../shared/language-switch/language-switch';

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatIconModule,
    MatDividerModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    LanguageSwitch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(100)]],
    password: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly passwordVisible = signal(false);
  /** The server sends a failed single sign-on back here with `?ssoError=CODE`. */
  protected readonly ssoFailed = this.route.snapshot.queryParamMap.has('ssoError');
  /** Single sign-on is offered only when the server says it is configured; a failed lookup hides it. */
  protected readonly config = toSignal(inject(ApiClient).authConfig().pipe(catchError(() => of<AuthConfig | null>(null))), {
    initialValue: null,
  });
  protected readonly oidcLoginUrl = `${API_ROOT}/auth/oidc/login`;
  private readonly formDirective = viewChild.required(FormGroupDirective);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected submit(): void {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => {
        void this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.notifier.errorText(error));
        // a fresh try: the password goes, the name stays, and the fields do not turn red for it
        this.formDirective().resetForm({ username: this.form.controls.username.value, password: '' });
        this.passwordInput().nativeElement.focus();
      },
    });
  }
}
