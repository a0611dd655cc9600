// The VS Code layer's entry point: build the model, then register one feature per surface.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('ownershipLens.whoOwnsThisFile', () => {
      void vscode.window.showInformationMessage('Ownership Lens: ownership surfaces arrive with the editor issue.');
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
